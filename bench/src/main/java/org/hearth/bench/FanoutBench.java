package org.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * S8, live fan-out (issue 27): N live streams ({@code /api/messaging/v1/stream}, server-sent events) held open
 * <em>through the gateway</em> with real Keycloak users' bearer tokens, then one message a second, each in the DIRECT
 * thread of a sender with a randomly chosen user, for a fixed time. Prints the delivery latency (from the moment the
 * post is sent to the event's arrival on each of the recipient's streams) p50/p99/max, missed deliveries, and per
 * phase — 0 streams, N streams idle, N streams with the messages — the store's commands per second as the
 * messaging-service's MongoDB driver counts them ({@code mongodb_driver_commands_seconds_count} on its
 * {@code /actuator/prometheus}), and the gateway's and messaging-service's CPU (from {@code /proc/<pid>/stat}).
 *
 * <p>Users: {@code users} staff accounts {@code fanout.uNNNN} (nurses of Sunrise Home Health) and a sender {@code
 * fanout.sender}, provisioned once by the agency admin through the gateway (the product's own path), their password set
 * with Keycloak's admin API (the product never sees one), and reused by later runs. Stream {@code k} belongs to user
 * {@code k mod users}: with 2,000 streams and 200 users each user has 10 open streams, e.g. ten console tabs, so a
 * message reaches 10 streams. A stream that ends is reopened after a second with {@code Last-Event-ID}, as a browser's
 * EventSource does, and counted.
 *
 * <p>The client is the JDK's HttpClient on HTTP/1.1 (one connection per stream), each body read by a non-blocking line
 * subscriber: holding 2,000 responses open costs no thread each. At most {@code opening} streams connect at once.
 *
 * <p>Usage: {@code FanoutBench gatewayUrl keycloakUrl messagingActuatorUrl gatewayPid messagingPid [streams] [seconds]
 * [users] [quietSeconds] [opening]}
 */
public final class FanoutBench {

    static final String PASSWORD = "Fanout-Bench-2026-pw";
    static final String API = "/api/messaging/v1";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMMANDS =
            Pattern.compile("^mongodb_driver_commands_seconds_count\\{([^}]*)}\\s+(\\S+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String gateway;
    private final String keycloak;
    private final String actuator;
    private final long gatewayPid;
    private final long messagingPid;
    private final AtomicBoolean running = new AtomicBoolean(true);

    FanoutBench(String gateway, String keycloak, String actuator, long gatewayPid, long messagingPid) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.actuator = actuator;
        this.gatewayPid = gatewayPid;
        this.messagingPid = messagingPid;
    }

    public static void main(String[] args) throws Exception {
        MachineLoad.guard("S8 live fan-out");
        int streams = args.length > 5 ? Integer.parseInt(args[5]) : 2000;
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 60;
        int users = args.length > 7 ? Integer.parseInt(args[7]) : Math.max(1, Math.min(200, streams));
        int quiet = args.length > 8 ? Integer.parseInt(args[8]) : 10;
        int opening = args.length > 9 ? Integer.parseInt(args[9]) : 50;
        new FanoutBench(args[0], args[1], args[2], Long.parseLong(args[3]), Long.parseLong(args[4]))
                .run(streams, seconds, Math.min(users, streams), quiet, opening);
        System.exit(0); // the client's selector thread would keep the JVM up
    }

    void run(int streamCount, int seconds, int userCount, int quietSeconds, int opening) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "S8: %,d streams through the gateway %s, %d users (%d streams each), %d s of messages (1/s), "
                        + "quiet phases %d s%n",
                streamCount,
                gateway,
                userCount,
                (streamCount + userCount - 1) / userCount,
                seconds,
                quietSeconds);
        long setUpStarted = System.nanoTime();
        Users accounts = new Users(userCount);
        users = accounts;
        System.out.printf(
                Locale.ROOT,
                "S8: set-up: %d users ready (%d provisioned now), tokens and DIRECT threads in %d s%n",
                userCount,
                accounts.provisioned.get(),
                (System.nanoTime() - setUpStarted) / 1_000_000_000);
        if (metrics().isEmpty()) {
            System.out.println("S8: NOTE: no mongodb_driver_commands_seconds_count at " + actuator
                    + "/actuator/prometheus: store commands are not counted");
        }

        List<Phase> phases = new ArrayList<>();
        phases.add(measure("0 streams", quietSeconds, () -> {}));

        List<Stream> open = new ArrayList<>();
        Semaphore connecting = new Semaphore(opening);
        long openedAt = System.nanoTime();
        for (int k = 0; k < streamCount; k++) {
            Stream stream = new Stream(k, accounts.users.get(k % userCount));
            accounts.users.get(k % userCount).streams.add(stream);
            open.add(stream);
            connecting.acquire();
            stream.open(connecting);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (open.stream().anyMatch(s -> s.connectedAt == 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long connected = open.stream().filter(s -> s.connectedAt > 0).count();
        System.out.printf(
                Locale.ROOT,
                "S8: %,d of %,d streams connected in %.1f s%s%n",
                connected,
                streamCount,
                (System.nanoTime() - openedAt) / 1e9,
                connected < streamCount ? "; not connected: " + states(open) : "");
        Thread.sleep(2000); // the connections' own store operations (seen mark, latest sequence) are over

        phases.add(measure(streamCount + " streams idle", quietSeconds, () -> {}));

        List<Post> posts = new ArrayList<>();
        Random random = new Random();
        phases.add(measure(streamCount + " streams, 1 msg/s", seconds, () -> {
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Post>> sent = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < seconds; i++) {
                    long due = start + TimeUnit.SECONDS.toNanos(i);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    User to = accounts.users.get(random.nextInt(userCount));
                    int n = i;
                    sent.add(senders.submit(() -> accounts.post(to, "fan-out " + n)));
                }
                for (Future<Post> post : sent) {
                    posts.add(post.get());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        // the last messages' events may still be on their way
        long grace = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < grace && posts.stream().anyMatch(p -> p.id != null && !p.reachedAll())) {
            Thread.sleep(100);
        }
        running.set(false);

        List<Long> millis = new ArrayList<>();
        int expected = 0;
        int failedPosts = 0;
        long postMillisMax = 0;
        for (Post post : posts) {
            if (post.id == null) {
                failedPosts++;
                continue;
            }
            postMillisMax = Math.max(postMillisMax, post.answeredMillis);
            for (Stream stream : post.to.streams) {
                expected++;
                Long arrived = stream.arrivals.get(post.id);
                if (arrived != null) {
                    millis.add(Math.max(0, (arrived - post.sentAt) / 1_000_000));
                }
            }
        }
        millis.sort(null);
        int reconnects = open.stream().mapToInt(s -> s.reconnects.get()).sum();
        System.out.printf(
                Locale.ROOT,
                "S8: %d messages posted (%d failed, slowest post answered in %d ms); %,d deliveries due to "
                        + "recipients' streams, %,d received, %,d missed; delivery from the post: p50 %d ms, p99 %d ms, "
                        + "max %d ms; streams reopened during the run: %d%n",
                posts.size() - failedPosts,
                failedPosts,
                postMillisMax,
                expected,
                millis.size(),
                expected - millis.size(),
                percentile(millis, 0.50),
                percentile(millis, 0.99),
                millis.isEmpty() ? -1 : millis.getLast(),
                reconnects);
        System.out.printf(
                Locale.ROOT,
                "%-26s %6s %14s %16s %13s %15s %11s %13s%n",
                "phase",
                "secs",
                "store cmds/s",
                "deliveries q/s",
                "gateway CPU",
                "messaging CPU",
                "gateway RSS",
                "messaging RSS");
        for (Phase phase : phases) {
            System.out.println(phase);
        }
        for (Phase phase : phases) {
            System.out.println("S8: store commands/s, " + phase.name() + ": " + phase.breakdown());
        }
        System.out.println("S8: store cmds/s = every command the messaging-service's driver sent (relay polls, sweeps "
                + "included); deliveries q/s = find on deliveries; CPU in % of one core over the phase");
        System.out.println("S8: streams at the end: " + states(open));
        open.forEach(Stream::close);
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * q) - 1));
    }

    private static Map<String, Long> states(List<Stream> streams) {
        return streams.stream().collect(Collectors.groupingBy(Stream::state, TreeMap::new, Collectors.counting()));
    }

    /** One phase's figures: store commands per second (all, and finds on deliveries) and CPU of both processes. */
    record Phase(
            String name,
            double seconds,
            double commandsPerSecond,
            double deliveryFindsPerSecond,
            double gatewayCpu,
            double messagingCpu,
            long gatewayRssMb,
            long messagingRssMb,
            Map<String, Double> commands) {

        /** The phase's commands per second by command/collection, busiest first. */
        String breakdown() {
            return commands.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(10)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / seconds))
                    .collect(Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-26s %6.1f %14s %16s %12.1f%% %14.1f%% %8d MB %10d MB",
                    name,
                    seconds,
                    Double.isNaN(commandsPerSecond) ? "-" : String.format(Locale.ROOT, "%.2f", commandsPerSecond),
                    Double.isNaN(deliveryFindsPerSecond)
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", deliveryFindsPerSecond),
                    gatewayCpu,
                    messagingCpu,
                    gatewayRssMb,
                    messagingRssMb);
        }
    }

    Phase measure(String name, int seconds, Runnable during) throws InterruptedException {
        Map<String, Double> before = metrics();
        long gatewayBefore = GatewayCostBench.CpuTime.ticks(gatewayPid);
        long messagingBefore = GatewayCostBench.CpuTime.ticks(messagingPid);
        long started = System.nanoTime();
        during.run();
        long remaining = started + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Double> after = metrics();
        double gatewayCpu = GatewayCostBench.CpuTime.millis(GatewayCostBench.CpuTime.ticks(gatewayPid) - gatewayBefore)
                / 10
                / elapsed;
        double messagingCpu =
                GatewayCostBench.CpuTime.millis(GatewayCostBench.CpuTime.ticks(messagingPid) - messagingBefore)
                        / 10
                        / elapsed;
        boolean counted = !after.isEmpty();
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((key, count) -> delta.put(key, count - before.getOrDefault(key, 0.0)));
        return new Phase(
                name,
                elapsed,
                counted ? (sum(after, "") - sum(before, "")) / elapsed : Double.NaN,
                counted ? (sum(after, "find/deliveries") - sum(before, "find/deliveries")) / elapsed : Double.NaN,
                gatewayCpu,
                messagingCpu,
                rssMb(gatewayPid),
                rssMb(messagingPid),
                delta);
    }

    private static double sum(Map<String, Double> counts, String key) {
        return counts.entrySet().stream()
                .filter(e -> key.isEmpty() || e.getKey().equals(key))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** The driver's command counts by {@code command/collection}, from the messaging-service's Prometheus page. */
    Map<String, Double> metrics() {
        Map<String, Double> counts = new TreeMap<>();
        try {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(actuator + "/actuator/prometheus"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : page.body().split("\n")) {
                Matcher m = COMMANDS.matcher(line);
                if (m.find()) {
                    String key = label(m.group(1), "command") + "/" + label(m.group(1), "collection");
                    counts.merge(key, Double.parseDouble(m.group(2)), Double::sum);
                }
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("S8: the messaging-service's metrics did not answer: " + e);
        }
        return counts;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }

    static long rssMb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    // --- users, tokens, threads ----------------------------------------------------------------------

    /** One bench account: its subject, a token, its DIRECT thread with the sender, and its open streams. */
    static final class User {
        final String username;
        volatile String subject;
        volatile String token;
        volatile long tokenAt;
        volatile String thread;
        final List<Stream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();

        User(String username) {
            this.username = username;
        }
    }

    /** A message sent: to whom, when the post left, and its id once answered. */
    static final class Post {
        final User to;
        final long sentAt;
        volatile String id;
        volatile long answeredMillis;

        Post(User to, long sentAt) {
            this.to = to;
            this.sentAt = sentAt;
        }

        boolean reachedAll() {
            return to.streams.stream().allMatch(s -> s.arrivals.containsKey(id));
        }
    }

    final class Users {
        final List<User> users = new ArrayList<>();
        final User sender = new User("fanout.sender");
        final AtomicInteger provisioned = new AtomicInteger();
        private final String admin;
        private final String adminToken;

        Users(int count) throws Exception {
            admin = PatientSummaryBench.token(keycloak, "alice.admin");
            adminToken = keycloakAdminToken();
            for (int i = 0; i < count; i++) {
                users.add(new User(String.format(Locale.ROOT, "fanout.u%04d", i)));
            }
            List<User> all = new ArrayList<>(users);
            all.add(sender);
            // a few at a time: each account costs Keycloak a password hash or two
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<?>> done = new ArrayList<>();
                for (User user : all) {
                    done.add(pool.submit(() -> {
                        ensure(user);
                        refresh(user);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                done.clear();
                for (User user : users) {
                    done.add(pool.submit(() -> {
                        user.thread = directThread(user);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        }

        /** The account exists, is a nurse of the admin's agency, and signs in with {@link #PASSWORD}. */
        private void ensure(User user) throws Exception {
            Optional<String> existing = keycloakUser(user.username);
            if (existing.isPresent()) {
                user.subject = existing.get();
                return;
            }
            String created = PatientSummaryBench.send(
                    "POST", gateway + "/api/patients/v1/agency/staff", admin, null, """
                            {"username":"%s","email":"%s@fanout.example","givenName":"Fanout","familyName":"%s",
                             "roles":["nurse"]}""".formatted(
                                    user.username, user.username, user.username));
            Matcher id = ID.matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("no id in " + created);
            }
            user.subject = id.group(1);
            // the invitation's required actions would keep a password grant out; the bench sets the password itself
            String path = "/admin/realms/hearth/users/" + user.subject;
            String representation = keycloakCall("GET", path, null);
            keycloakCall(
                    "PUT",
                    path,
                    representation
                            .replaceFirst("\"requiredActions\"\\s*:\\s*\\[[^]]*]", "\"requiredActions\":[]")
                            .replaceFirst("\"emailVerified\"\\s*:\\s*false", "\"emailVerified\":true"));
            keycloakCall("PUT", path + "/reset-password", """
                    {"type":"password","value":"%s","temporary":false}""".formatted(PASSWORD));
            provisioned.incrementAndGet();
        }

        void refresh(User user) throws Exception {
            String form = "grant_type=password&client_id=hearth-cli&username="
                    + URLEncoder.encode(user.username, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/hearth/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user.username + " (" + answer.statusCode()
                        + "); a bench account made by another run with another password? " + answer.body());
            }
            user.token = m.group(1);
            user.tokenAt = System.nanoTime();
        }

        /** A token at most 4 minutes old (they live 5). */
        String token(User user) throws Exception {
            synchronized (user) {
                if (System.nanoTime() - user.tokenAt > TimeUnit.MINUTES.toNanos(4)) {
                    refresh(user);
                }
                return user.token;
            }
        }

        private String directThread(User user) throws Exception {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + API + "/threads"))
                            .header("Authorization", "Bearer " + token(sender))
                            .header("Idempotency-Key", "fanout-direct-" + user.subject)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"kind\":\"DIRECT\",\"with\":\"" + user.subject + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(answer.body());
            if (answer.statusCode() >= 300 || !id.find()) {
                throw new IllegalStateException(
                        "DIRECT thread with " + user.username + ": " + answer.statusCode() + " " + answer.body());
            }
            return id.group(1);
        }

        Post post(User to, String text) {
            Post post = new Post(to, System.nanoTime());
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + API + "/threads/" + to.thread + "/messages"))
                                .header("Authorization", "Bearer " + token(sender))
                                .header("Idempotency-Key", "fanout-" + UUID.randomUUID())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + text + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                post.answeredMillis = (System.nanoTime() - post.sentAt) / 1_000_000;
                Matcher id = ID.matcher(answer.body());
                if (answer.statusCode() == 201 && id.find()) {
                    post.id = id.group(1);
                } else {
                    System.out.println("S8: a post answered " + answer.statusCode() + ": " + answer.body());
                }
            } catch (Exception e) {
                System.out.println("S8: a post failed: " + e);
            }
            return post;
        }

        private Optional<String> keycloakUser(String username) throws Exception {
            String found = keycloakCall(
                    "GET",
                    "/admin/realms/hearth/users?exact=true&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8),
                    null);
            Matcher id = ID.matcher(found);
            return id.find() ? Optional.of(id.group(1)) : Optional.empty();
        }

        private String keycloakCall(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + path))
                    .header("Authorization", "Bearer " + adminToken)
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException(
                        "Keycloak " + method + " " + path + ": " + answer.statusCode() + " " + answer.body());
            }
            return answer.body();
        }

        /** The local realm's agency-admin client (infra/keycloak/hearth-realm.json), as patient-service uses it. */
        private String keycloakAdminToken() throws Exception {
            String secret = Optional.ofNullable(System.getenv("HEARTH_AGENCY_ADMIN_SECRET"))
                    .orElse("hearth-agency-admin-local-secret");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/hearth/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id=hearth-agency-admin&client_secret="
                                            + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
            if (!m.find()) {
                throw new IllegalStateException("no token for the agency-admin client: " + answer.body());
            }
            return m.group(1);
        }
    }

    // --- streams -------------------------------------------------------------------------------------

    /** One open stream, as a console tab holds it: reopened with Last-Event-ID when it ends. */
    final class Stream implements Flow.Subscriber<String> {
        final int index;
        final User user;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger reconnects = new AtomicInteger();
        volatile long connectedAt;
        volatile String lastEventId;
        volatile String ended;
        volatile int status;
        private volatile Flow.Subscription subscription;
        private volatile Semaphore connecting;

        Stream(int index, User user) {
            this.index = index;
            this.user = user;
        }

        void open(Semaphore permit) {
            this.connecting = permit;
            HttpRequest.Builder request;
            try {
                request = HttpRequest.newBuilder(URI.create(gateway + API + "/stream?since=now"))
                        .header("Authorization", "Bearer " + FanoutBench.this.tokenOf(user))
                        .header("Accept", "text/event-stream")
                        .GET();
            } catch (Exception e) {
                finished("no token: " + e);
                return;
            }
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            http.sendAsync(request.build(), info -> {
                        status = info.statusCode();
                        return info.statusCode() == 200
                                ? HttpResponse.BodySubscribers.fromLineSubscriber(this)
                                : HttpResponse.BodySubscribers.replacing(null);
                    })
                    .whenComplete((response, failed) -> finished(
                            failed != null
                                    ? "broken: " + failed.getClass().getSimpleName()
                                    : status == 200 ? "ended by the server" : "refused " + status));
        }

        private void released() {
            Semaphore permit = connecting;
            connecting = null;
            if (permit != null) {
                permit.release();
            }
        }

        private void finished(String why) {
            ended = why;
            released();
            if (running.get()) {
                reconnects.incrementAndGet();
                CompletableDelay.after(1000, () -> {
                    if (running.get()) {
                        ended = null;
                        open(null);
                    }
                });
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:")) {
                Matcher m = MESSAGE_ID.matcher(line);
                if (m.find()) {
                    arrivals.putIfAbsent(m.group(1), System.nanoTime());
                }
            } else if (line.startsWith("id:")) {
                lastEventId = line.substring(3).strip();
            } else if (line.equals(":connected")) {
                if (connectedAt == 0) {
                    connectedAt = System.nanoTime();
                }
                released();
            }
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}

        void close() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        String state() {
            return (status == 0 ? "no answer" : "status " + status)
                    + (connectedAt > 0 ? ", connected" : ", not connected")
                    + (reconnects.get() > 0 ? ", reopened" : "")
                    + (ended != null ? ", " + ended : "");
        }
    }

    String tokenOf(User user) throws Exception {
        return users.token(user);
    }

    private volatile Users users;

    /** Runs an action after a delay without holding a thread meanwhile. */
    static final class CompletableDelay {
        private CompletableDelay() {}

        static void after(long millis, Runnable action) {
            java.util.concurrent.CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)
                    .execute(action);
        }
    }
}
