package io.sitrep.entities.nlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import java.util.ArrayList;
import java.util.List;

/**
 * The conll.4class CRF alone, fed the gold tokens of each sentence as they are (no CoreNLP tokeniser, sentence
 * splitter or mention builder, none of our clean-ups): the baseline issue #4 measures the service against.
 * Runs of tokens with one label are one entity, as the model is trained with IO labels.
 */
final class GoldTokenCrf {

    record Tagged(int start, int end, String type) {
    }

    private final CRFClassifier<CoreLabel> crf;

    GoldTokenCrf() {
        try {
            crf = CRFClassifier.getClassifier("edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
        } catch (Exception e) {
            throw new IllegalStateException("CRF model not on the class path", e);
        }
    }

    /** @param sentences gold token spans per sentence, offsets into text */
    List<Tagged> tag(String text, List<List<int[]>> sentences) {
        List<Tagged> out = new ArrayList<>();
        for (List<int[]> sentence : sentences) {
            List<CoreLabel> tokens = new ArrayList<>(sentence.size());
            for (int[] t : sentence) {
                CoreLabel l = new CoreLabel();
                String word = text.substring(t[0], t[1]);
                l.setWord(word);
                l.setValue(word);
                l.setOriginalText(word);
                tokens.add(l);
            }
            // classifySentence, not classify: it sets the position and background answer the features expect
            List<CoreLabel> labelled = crf.classifySentence(tokens);
            String open = null;
            int openStart = -1, lastEnd = -1;
            for (int i = 0; i < labelled.size(); i++) {
                String answer = labelled.get(i).get(CoreAnnotations.AnswerAnnotation.class);
                String type = answer == null || answer.equals("O") ? null : answer;
                if (open != null && !open.equals(type)) {
                    out.add(new Tagged(openStart, lastEnd, open));
                    open = null;
                }
                if (type != null && open == null) {
                    open = type;
                    openStart = sentence.get(i)[0];
                }
                lastEnd = sentence.get(i)[1];
            }
            if (open != null) out.add(new Tagged(openStart, lastEnd, open));
        }
        return out;
    }
}
