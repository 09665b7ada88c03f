package io.sitrep.ingest.pipeline;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * Renders an element's text as scraped plain text: one paragraph per block element, paragraphs separated by
 * a blank line, {@code <br>} as a line break, whitespace collapsed except inside {@code <pre>}.
 * Uses jsoup's iterative traversal, so arbitrarily deep nesting cannot overflow the stack.
 */
final class HtmlTextRenderer {

    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
            "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul", "summary",
            "caption", "body", "center", "tbody", "thead", "tfoot");

    String render(Element root) {
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, root);
        return renderer.result();
    }

    private static final class Renderer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private boolean pendingSpace;
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                appendText(textNode.getWholeText());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    lineBreak();
                } else if (BLOCK_TAGS.contains(tag)) {
                    paragraphBreak();
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BLOCK_TAGS.contains(tag)) {
                    paragraphBreak();
                }
                if (tag.equals("pre")) {
                    preDepth--;
                }
            }
        }

        private void appendText(String text) {
            if (preDepth > 0) {
                out.append(text);
                pendingSpace = false;
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00A0') {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace && !atLineStart()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        }

        private void lineBreak() {
            trimTrailingSpaces();
            out.append('\n');
            pendingSpace = false;
        }

        private void paragraphBreak() {
            trimTrailingSpaces();
            pendingSpace = false;
            if (out.length() == 0) {
                return;
            }
            while (!(out.length() >= 2 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }

        private void trimTrailingSpaces() {
            int length = out.length();
            while (length > 0 && out.charAt(length - 1) == ' ') {
                length--;
            }
            out.setLength(length);
        }

        String result() {
            return out.toString().strip();
        }
    }
}
