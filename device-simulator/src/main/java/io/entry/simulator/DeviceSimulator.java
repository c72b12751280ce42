package io.entry.simulator;

import io.entry.model.api.BarcodeMask;
import io.entry.model.api.Event;
import io.entry.model.api.EventsResponse;
import io.entry.model.api.InputType;
import io.entry.model.api.OfflineScan;
import io.entry.model.api.OfflineUploadResponse;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import io.entry.model.api.SessionResponse;
import io.entry.model.api.TicketLookupResponse;
import io.entry.model.api.ValidateScanResponse;
import io.entry.model.events.ScanReconciliationRecord;
import io.entry.simulator.EntryApiClient.Answer;
import io.entry.simulator.InvariantChecks.AreaRule;
import io.entry.simulator.InvariantChecks.Result;
import io.entry.simulator.InvariantChecks.State;
import io.entry.simulator.PlannedScan.Kind;
import io.entry.testsupport.DemoData;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Plays a gate rush at Memorial Stadium against an Entry base URL, prints a summary and checks the invariants.
 * Exit status: 0 all invariants hold, 1 one failed, 2 the run could not start (usage, sessions, events).
 */
public final class DeviceSimulator {

    static final String ACCOUNT = "390";
    static final String VENUE = "MEM";
    static final long CLUB_AREA = DemoData.MEM_CLUB_AREA_ID;
    static final int CLUB_CAPACITY = 50;
    private static final int UPLOAD_BATCH = 100;

    private final SimulatorOptions options;
    private final EntryApiClient api;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final List<ScanResult> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> uploads = new ConcurrentHashMap<>();
    private final Set<String> uploadedFilenames = ConcurrentHashMap.newKeySet();
    private final AtomicInteger uploadedAccepted = new AtomicInteger();
    private final Set<String> offlineTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestSeq = new AtomicInteger();
    private ZoneId venueZone = ZoneId.of("America/Chicago");

    DeviceSimulator(SimulatorOptions options) {
        this.options = options;
        this.api = new EntryApiClient(options.baseUrl(), options.apiKey());
    }

    public static void main(String[] args) {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new DeviceSimulator(options).run());
    }

    /** The devices of the run: a serial, its area (null at a gate) and its session. */
    record Device(int index, String serialNumber, Long specialAreaId, String jwt, BarcodeMaskMatcher masks) {
    }

    int run() {
        long startMillis = System.currentTimeMillis();
        long deadline = System.nanoTime() + options.durationLimit().toNanos();
        ScenarioPlanner planner = new ScenarioPlanner(options.devices(), options.offlineDevices(), new ArrivalCurve());
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < options.devices(); i++) {
            boolean club = planner.isClubDevice(i);
            String serial = String.format("sim-%s-%02d", club ? "club" : "gate", i);
            Answer<SessionResponse> session = api.createSession(requestId(), VENUE, ACCOUNT, serial,
                    club ? CLUB_AREA : null);
            if (!session.ok()) {
                System.err.println("Create Session failed for " + serial + ": HTTP " + session.status() + " "
                        + session.text() + "\nIs the stack up and the demo data loaded (./entry up)?");
                return 2;
            }
            Answer<EventsResponse> events = api.events(requestId(), session.body().jwt());
            Event mem = events.ok() ? events.body().events().stream()
                    .filter(e -> DemoData.MEM_EVENT_ID.equals(e.eventId())).findFirst().orElse(null) : null;
            if (mem == null) {
                System.err.println("Get Events for " + serial + " did not list " + DemoData.MEM_EVENT_ID + ": HTTP "
                        + events.status() + " " + events.text());
                return 2;
            }
            if (mem.timeZone() != null) {
                venueZone = ZoneId.of(mem.timeZone());
            }
            List<String> masks = events.body().events().stream()
                    .flatMap(e -> e.barcodeMasks() == null ? java.util.stream.Stream.<BarcodeMask>empty()
                            : e.barcodeMasks().stream())
                    .map(BarcodeMask::mask).toList();
            devices.add(new Device(i, serial, club ? CLUB_AREA : null, session.body().jwt(),
                    new BarcodeMaskMatcher(masks)));
        }
        List<PlannedScan> plan = planner.plan(options.scans(), options.seed());
        System.out.printf("%d devices (%d at the Husker Club, %d going offline), %d scans over %ds against %s%n",
                devices.size(), devices.size() - planner.gates(), options.offlineDevices(), plan.size(),
                options.rush().toSeconds(), options.baseUrl());

        Map<Integer, List<PlannedScan>> byDevice = plan.stream().collect(Collectors.groupingBy(PlannedScan::device));
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        CountDownLatch finished = new CountDownLatch(devices.size());
        long rushStart = System.nanoTime();
        for (Device device : devices) {
            pool.submit(() -> {
                try {
                    playDevice(device, byDevice.getOrDefault(device.index(), List.of()), planner, rushStart, deadline);
                } catch (RuntimeException e) {
                    System.err.println(device.serialNumber() + " stopped: " + e);
                } finally {
                    finished.countDown();
                }
            });
        }
        try {
            while (!finished.await(2, TimeUnit.SECONDS)) {
                printProgress(plan.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        printProgress(plan.size());
        clubCleanup(devices, deadline);

        List<ScanResult> snapshot;
        synchronized (log) {
            snapshot = List.copyOf(log);
        }
        List<Result> checks = new ArrayList<>();
        checks.add(InvariantChecks.admissionsWithinRules(snapshot, Map.of(
                0L, new AreaRule(true, null), CLUB_AREA, new AreaRule(true, null))));
        checks.add(InvariantChecks.occupancyWithinCapacity(snapshot, CLUB_AREA, CLUB_CAPACITY));
        checks.add(historyCheck(snapshot, devices.get(0).jwt(), deadline));
        Map<String, Integer> reconciliations = new TreeMap<>();
        if (options.kafkaChecks()) {
            checks.addAll(kafkaChecks(snapshot, startMillis - 5_000, reconciliations, deadline));
        } else {
            checks.add(new Result("every answered scan on " + io.entry.model.events.Topics.SCAN_EVENTS, State.SKIP,
                    "--kafka none"));
        }
        System.out.print(Summary.table(snapshot, uploads, reconciliations, checks));
        boolean failed = checks.stream().anyMatch(c -> c.state() == State.FAIL);
        System.out.println(failed ? "\nRESULT: an invariant FAILED" : "\nRESULT: all invariants hold");
        return failed ? 1 : 0;
    }

    private void playDevice(Device device, List<PlannedScan> scans, ScenarioPlanner planner, long rushStart,
            long deadline) {
        OfflineDecider offline = new OfflineDecider(device.masks());
        List<OfflineScan> buffered = new ArrayList<>();
        for (PlannedScan scan : scans) {
            long due = rushStart + (long) (scan.at() * options.rush().toNanos());
            if (!sleepUntil(Math.min(due, deadline)) || System.nanoTime() >= deadline) {
                break;
            }
            if (planner.offlineAt(device.index(), scan.at())) {
                scanOffline(device, scan, offline, buffered);
                continue;
            }
            if (!buffered.isEmpty()) {
                upload(device, buffered);
            }
            scanOnline(device, scan);
        }
        if (!buffered.isEmpty()) {
            upload(device, buffered);
        }
    }

    private void scanOnline(Device device, PlannedScan scan) {
        String requestId = requestId();
        long sent = System.nanoTime();
        Answer<ValidateScanResponse> answer = api.validate(requestId, device.jwt(), scan.token(), scan.mode(),
                scan.inputType());
        long answered = System.nanoTime();
        ValidateScanResponse body = answer.body();
        log.add(new ScanResult(scan, device.serialNumber(), device.specialAreaId(), ScanSource.ONLINE, requestId,
                answer.status(), body == null ? null : body.status(), body == null ? null : body.reasonCode(),
                sent, answered));
    }

    private void scanOffline(Device device, PlannedScan scan, OfflineDecider offline, List<OfflineScan> buffered) {
        OfflineDecider.Decision decision = offline.decide(scan.token(), scan.mode(),
                scan.inputType() == InputType.BARCODE);
        long now = System.nanoTime();
        offlineTokens.add(scan.token());
        buffered.add(new OfflineScan(scan.token(), scan.inputType(), scan.mode(), null, null, false,
                OffsetDateTime.now(venueZone), decision.status(), decision.reasonCode(), null,
                device.specialAreaId(), null, null, null, null, null, null, null, null, null, null, null, null,
                null));
        log.add(new ScanResult(scan, device.serialNumber(), device.specialAreaId(), ScanSource.OFFLINE, null, 200,
                decision.status(), decision.reasonCode(), now, now));
    }

    /** Uploads the buffered scans in files of at most 100, named {serial}_{timestamp}_{n}. */
    private void upload(Device device, List<OfflineScan> buffered) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(OffsetDateTime.now(venueZone));
        for (int from = 0, part = 1; from < buffered.size(); from += UPLOAD_BATCH, part++) {
            List<OfflineScan> batch = buffered.subList(from, Math.min(buffered.size(), from + UPLOAD_BATCH));
            String filename = device.serialNumber() + "_" + stamp + "_" + runId + "_" + part;
            Answer<OfflineUploadResponse> answer = api.uploadOffline(requestId(), DemoData.MEM_EVENT_ID, filename,
                    List.copyOf(batch));
            if (answer.ok()) {
                uploads.merge("files accepted", 1, Integer::sum);
                uploads.merge("scans accepted", answer.body().accepted(), Integer::sum);
                uploads.merge("scans rejected", answer.body().rejected() == null ? 0 : answer.body().rejected().size(),
                        Integer::sum);
                if (answer.body().duplicate()) {
                    uploads.merge("duplicates", 1, Integer::sum);
                }
                uploadedFilenames.add(filename);
                uploadedAccepted.addAndGet(answer.body().accepted());
            } else {
                uploads.merge("files failed (HTTP " + answer.status() + ")", 1, Integer::sum);
                System.err.println("upload " + filename + " failed: HTTP " + answer.status() + " " + answer.text());
            }
        }
        buffered.clear();
    }

    /** Lets out everyone this run left inside the club, so the next run starts with room. */
    private void clubCleanup(List<Device> devices, long deadline) {
        Device club = devices.stream().filter(d -> d.specialAreaId() != null).findFirst().orElse(null);
        if (club == null) {
            return;
        }
        Map<String, Integer> inside = new LinkedHashMap<>();
        synchronized (log) {
            for (ScanResult r : log) {
                if (r.online() && r.specialAreaId() != null) {
                    inside.merge(r.planned().token(), r.admittedEntry() ? 1 : r.admittedExit() ? -1 : 0, Integer::sum);
                }
            }
        }
        inside.forEach((token, balance) -> {
            if (balance > 0 && System.nanoTime() < deadline) {
                scanOnline(club, new PlannedScan(club.index(), 1.0, token, ScanMode.EXIT, InputType.BARCODE,
                        Kind.CLEANUP));
            }
        });
    }

    /** Every answered online scan of a known ticket is in its Ticket Lookup history. */
    private Result historyCheck(List<ScanResult> snapshot, String jwt, long deadline) {
        Map<String, List<ScanResult>> byToken = new TreeMap<>();
        for (ScanResult r : snapshot) {
            if (r.online() && r.answered() && r.status() != null && isKnownTicket(r.planned().token())) {
                byToken.computeIfAbsent(r.planned().token(), t -> new ArrayList<>()).add(r);
            }
        }
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        byToken.forEach((token, scans) -> pool.submit(() -> {
            if (System.nanoTime() >= deadline) {
                problems.add(token + ": not checked, duration limit reached");
                return;
            }
            Answer<TicketLookupResponse> lookup = api.lookup(requestId(), jwt, token);
            if (!lookup.ok()) {
                problems.add(token + ": Ticket Lookup answered HTTP " + lookup.status());
                return;
            }
            List<io.entry.model.api.ScanHistoryItem> history = lookup.body().scanHistory() == null
                    ? List.of() : lookup.body().scanHistory();
            int missing = InvariantChecks.missingFromHistory(scans, history);
            if (missing > 0) {
                problems.add(token + ": " + missing + " of " + scans.size() + " scans missing from history");
            }
        }));
        pool.shutdown();
        try {
            pool.awaitTermination(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        return Result.of("every answered scan in its ticket's Lookup history", problems, byToken.size());
    }

    private List<Result> kafkaChecks(List<ScanResult> snapshot, long sinceMillis,
            Map<String, Integer> reconciliations, long deadline) {
        List<Result> results = new ArrayList<>();
        KafkaVerifier kafka = new KafkaVerifier(options.kafka(), sinceMillis);
        Set<String> expected = snapshot.stream().filter(r -> r.online() && r.answered())
                .map(ScanResult::requestId).collect(Collectors.toSet());
        try {
            KafkaVerifier.ScanTopic topic = kafka.readScanEvents(expected, patience(deadline));
            List<String> missing = InvariantChecks.missingOnTopic(snapshot, topic.requestIds());
            results.add(Result.of("every answered online scan on entry.scan-events.v1 (by PAC-Request-Id)",
                    missing.stream().map(id -> "request " + id + " missing").toList(), expected.size()));
            int offlineOnTopic = uploadedFilenames.stream()
                    .mapToInt(f -> topic.offlineRecordsByFilename().getOrDefault(f, 0)).sum();
            results.add(Result.of("every accepted offline scan replayed on entry.scan-events.v1",
                    offlineOnTopic >= uploadedAccepted.get() ? List.of()
                            : List.of(offlineOnTopic + " of " + uploadedAccepted.get() + " offline scans found"),
                    uploadedAccepted.get()));
            List<ScanReconciliationRecord> found = kafka.readReconciliations(offlineTokens, uploadedAccepted.get(),
                    patience(deadline));
            for (ScanReconciliationRecord r : found) {
                String key = r.outcome() == null ? "?" : r.outcome().name();
                if (r.conflictCode() != null) {
                    key += " " + r.conflictCode().name();
                }
                reconciliations.merge(key, 1, Integer::sum);
            }
            results.add(Result.of("one reconciliation record per accepted offline scan",
                    found.size() >= uploadedAccepted.get() ? List.of()
                            : List.of(found.size() + " of " + uploadedAccepted.get() + " reconciliation records"),
                    uploadedAccepted.get()));
        } catch (RuntimeException e) {
            results.add(new Result("Kafka checks", State.FAIL, "could not read Kafka at " + options.kafka() + ": " + e));
        }
        return results;
    }

    private static Duration patience(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(1_000_000_000L, Math.min(left, Duration.ofSeconds(60).toNanos())));
    }

    static boolean isKnownTicket(String token) {
        return token.matches("391\\d{11}") || token.equals(DemoData.TS_TICKET);
    }

    private void printProgress(int planned) {
        int online = 0;
        int offline = 0;
        int admit = 0;
        int stop = 0;
        int errors = 0;
        synchronized (log) {
            for (ScanResult r : log) {
                if (r.online()) {
                    online++;
                } else {
                    offline++;
                }
                if (!r.answered()) {
                    errors++;
                } else if (r.status() == ScanStatus.ADMIT) {
                    admit++;
                } else {
                    stop++;
                }
            }
        }
        System.out.printf("  scans %d/%d  online %d  offline %d  admit %d  stop %d  errors %d  uploads %d%n",
                online + offline, planned, online, offline, admit, stop, errors,
                uploads.getOrDefault("files accepted", 0));
    }

    private String requestId() {
        return "sim-" + runId + "-" + requestSeq.incrementAndGet();
    }

    /** Sleeps until the nanoTime {@code until}; false if interrupted. */
    private static boolean sleepUntil(long until) {
        long wait = until - System.nanoTime();
        if (wait <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
