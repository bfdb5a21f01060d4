package dev.salesbot.sync.schema.control;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The changesets {@code db/changelog.xml} declares, as Liquibase records them once run (file, id,
 * author), read with the JDK's own XML parser: enough to see that a database has run all of them
 * and nothing else, without starting Liquibase. Only what this project's changelog uses is
 * understood ({@code include} and {@code changeSet}); anything else is refused, so a changelog that
 * outgrows this reader sends every start through Liquibase rather than past it.
 */
final class ChangeLog {

    /** One changeset as a {@code DATABASECHANGELOG} row names it. */
    record Entry(String file, String id, String author) {
    }

    private ChangeLog() {
    }

    static Set<Entry> declared(ClassLoader loader, String changelog) throws IOException {
        Set<Entry> entries = new LinkedHashSet<>();
        read(loader, changelog, entries, 0);
        return entries;
    }

    private static void read(ClassLoader loader, String file, Set<Entry> entries, int depth) throws IOException {
        if (depth > 4) {
            throw new IOException("Includes nested too deep at " + file);
        }
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("No " + file + " on the class path");
            }
            parser().parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                    if (attributes.getValue("logicalFilePath") != null) {
                        throw new SAXException("logicalFilePath in " + file);
                    }
                    switch (qName) {
                        case "include" -> {
                            if (attributes.getValue("relativeToChangelogFile") != null) {
                                throw new SAXException("include relativeToChangelogFile in " + file);
                            }
                            try {
                                read(loader, attributes.getValue("file"), entries, depth + 1);
                            } catch (IOException e) {
                                throw new SAXException(e);
                            }
                        }
                        case "changeSet" -> entries.add(new Entry(file, attributes.getValue("id"), attributes.getValue("author")));
                        case "includeAll" -> throw new SAXException("includeAll in " + file);
                        default -> {
                            // the changes inside a changeSet, preconditions, comments: not this reader's business
                        }
                    }
                }
            });
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static SAXParser parser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newSAXParser();
    }
}
