package io.entry.offline.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One upload (eventId, Filename) and its replay progress; see V1__init.sql for the states. Never leaves the service. */
@Entity
@Table(name = "uploads")
public class UploadEntity extends PanacheEntityBase {

    public static final String RECEIVED = "RECEIVED";
    public static final String STORED = "STORED";
    public static final String REPLAYED = "REPLAYED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    public String filename;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "data_account_id")
    public String dataAccountId;
    @Column(name = "venue_code")
    public String venueCode;
    @Column(name = "serial_number")
    public String serialNumber;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "item_count")
    public int itemCount;
    @Column(name = "accepted_count")
    public int acceptedCount;
    @Column(name = "rejected_json")
    public String rejectedJson;
    @Column(name = "device_id")
    public Long deviceId;
    @Column(name = "device_name")
    public String deviceName;
    @Column(name = "checkpoint_id")
    public Long checkpointId;
    @Column(name = "checkpoint_name")
    public String checkpointName;
    @Column(name = "special_area_id")
    public Long specialAreaId;
    @Column(name = "special_area_name")
    public String specialAreaName;
    public String state;
    @Column(name = "replayed_count")
    public int replayedCount;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claim_until")
    public Instant claimUntil;
}
