package io.entry.offline.service;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The names an upload gets (CONTRACT §6). The patterns allow no dot in eventId and no slash or leading dot in a
 * Filename, because both become parts of an S3 key.
 */
public final class UploadNames {

    public static final Pattern EVENT_ID = Pattern.compile(
            "^\\d{3}:[A-Za-z0-9][A-Za-z0-9_-]{0,31}:[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    public static final Pattern FILENAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    private UploadNames() {
    }

    public static boolean validEventId(String eventId) {
        return eventId != null && EVENT_ID.matcher(eventId).matches();
    }

    /** Valid, and free of {@code ..} too: the pattern already forbids {@code /}, this closes the last path trick. */
    public static boolean validFilename(String filename) {
        return filename != null && FILENAME.matcher(filename).matches() && !filename.contains("..");
    }

    /** The device's serial number: the part of the Filename before the first {@code _}. */
    public static String serialNumber(String filename) {
        int cut = filename.indexOf('_');
        return cut < 0 ? filename : filename.substring(0, cut);
    }

    /** {@code incoming/{dataAccountId}/{seasonCd}/{eventCd}/{yyyy-MM-dd}/{Filename}.json}. */
    public static String objectKey(String dataAccountId, String seasonCd, String eventCd, LocalDate venueDate,
            String filename) {
        return "incoming/" + dataAccountId + "/" + seasonCd + "/" + eventCd + "/" + venueDate + "/" + filename + ".json";
    }

    /**
     * The recordId of the scan at {@code index} of an upload: a name-based UUID of (eventId, Filename, index), so
     * every replay of the same scan carries the same id and consumers recognise the redelivery.
     */
    public static String recordId(String eventId, String filename, int index) {
        String name = "entry-offline:" + eventId + "/" + filename + "#" + index;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
