package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.Mention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How central each entity is to its document, in [0,1]:
 * <pre>
 *   salience = 0.5 · frequency + 0.3 · position + 0.2 · title
 *   frequency = ln(1 + mentions) / ln(1 + mentions of the most mentioned entity)   (1 for the most mentioned)
 *   position  = 1 − (offset of first mention / text length)                       (1 at the very start)
 *   title     = 1 if a mention starts before titleEnd (the headline), else 0
 * </pre>
 * The logarithm stops one entity mentioned 40 times from flattening everything else; position and title
 * capture the news convention of naming the main subject first and in the headline.
 */
public final class Salience {
    static final double W_FREQUENCY = 0.5, W_POSITION = 0.3, W_TITLE = 0.2;

    /** One entity's score with the parts it was computed from. */
    public record EntitySalience(DocumentEntity entity, double score, double frequency, double position, boolean inTitle) {}

    /**
     * @param textLength length of the analysed text (UTF-16 units)
     * @param titleEnd   end offset of the headline within the text; 0 if the text has none
     * @return one score per entity, highest first
     */
    public List<EntitySalience> score(List<DocumentEntity> entities, int textLength, int titleEnd) {
        int maxMentions = 1;
        for (DocumentEntity e : entities) maxMentions = Math.max(maxMentions, e.mentions().size());
        double denominator = Math.log1p(maxMentions);
        List<EntitySalience> out = new ArrayList<>(entities.size());
        for (DocumentEntity e : entities) {
            double frequency = Math.log1p(e.mentions().size()) / denominator;
            double position = textLength <= 0 ? 0 : 1.0 - Math.min(1.0, (double) e.firstStart() / textLength);
            boolean inTitle = false;
            for (Mention m : e.mentions()) inTitle |= m.start() < titleEnd;
            double score = W_FREQUENCY * frequency + W_POSITION * position + W_TITLE * (inTitle ? 1 : 0);
            out.add(new EntitySalience(e, Math.max(0, Math.min(1, score)), frequency, position, inTitle));
        }
        out.sort(Comparator.comparingDouble(EntitySalience::score).reversed());
        return out;
    }
}
