package io.entry.testsupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The demo data set for shell scripts: {@code java -jar test-support/target/test-support-*.jar <command>}.
 * <ul>
 *   <li>{@code catalog-json [instant]}: the catalog, dates placed for now (or the ISO instant given), for
 *       device-service's catalog import route;</li>
 *   <li>{@code tickets-ndjson}: every demo ticket as one JSON per line, for scan-service's ticket import route;</li>
 *   <li>{@code publish-catalog <bootstrap>} / {@code publish-tickets <bootstrap>}: straight onto the catalog topics.</li>
 * </ul>
 */
public final class DemoDataMain {

    private DemoDataMain() {
    }

    public static void main(String[] args) throws IOException {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "catalog-json" -> {
                Instant now = args.length > 1 ? Instant.parse(args[1]) : Instant.now();
                try (Writer out = stdout()) {
                    out.write(DemoData.catalogJson(now));
                    out.write('\n');
                }
            }
            case "tickets-ndjson" -> {
                try (Writer out = stdout()) {
                    for (var it = DemoData.tickets().iterator(); it.hasNext(); ) {
                        out.write(DemoData.toJson(DemoData.withTicketRecordId(it.next())));
                        out.write('\n');
                    }
                }
            }
            case "publish-catalog" -> DemoData.publishCatalog(required(args));
            case "publish-tickets" -> DemoData.publishTickets(required(args));
            default -> {
                System.err.println("usage: DemoDataMain catalog-json [instant] | tickets-ndjson"
                        + " | publish-catalog <bootstrap> | publish-tickets <bootstrap>");
                System.exit(2);
            }
        }
    }

    private static String required(String[] args) {
        if (args.length < 2) {
            System.err.println(args[0] + " needs the Kafka bootstrap address, e.g. 127.0.0.1:9092");
            System.exit(2);
        }
        return args[1];
    }

    private static Writer stdout() {
        return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    }
}
