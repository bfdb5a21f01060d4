package dev.salesbot.sandbox;

/**
 * HTML escaping for the sandbox's pages. The sandbox keeps its own (it stands in for other
 * companies' servers and imports nothing from the product), but only one.
 */
public final class SandboxHtml {

    private SandboxHtml() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
