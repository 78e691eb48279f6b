package se.klassrum.deploy.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The access guard under load (README.md, "Benchmarks", "The access guard under load"). One run, phases one after
 * the other, each a fixed number of virtual users that send requests back to back for the phase's length, every
 * request for a random (teacher, connected group, student of it) of the prepared roster:
 * <ol>
 *   <li>a warm-up of node A (mixed, 16 users; then each endpoint alone at c=8 for a sixth of it; not reported);</li>
 *   <li>at c=8, then at c=32: the authenticated unguarded group ({@code GET /api/v1/groups/{g}}), the guarded single
 *       read ({@code GET /api/v1/students/{s}}) and the 30-student member list
 *       ({@code GET /api/v1/groups/{g}/members?limit=30}), {@code load.seconds} each, in {@code load.rounds} rounds
 *       (phases named "… #1", "… #2", …), each round starting one endpoint later than the one before, so that what
 *       happens to the machine in one stretch of time (a checkpoint, a vacuum, the JIT) falls on every endpoint in
 *       turn and a round's ratios compare endpoints measured side by side;</li>
 *   <li>the three mixed in equal shares at c=200 on node A for {@code load.mixed-seconds};</li>
 *   <li>with {@code load.nodes=2}: the same warm-up of node B, then the same mix at c=200 on nodes A and B behind one
 *       address (HAProxy, see {@link LoadEnvironment}; without it, each virtual user is given one of the two addresses
 *       in turn);</li>
 *   <li>with two nodes and a cgroup CPU controller at hand (unless {@code load.node-cpu=0}): each node's Payara Micro
 *       held to {@code load.node-cpu} of a core's processor time ({@link LoadEnvironment#limitNodesCpu()}), then the mix
 *       on node A alone and on both nodes behind the one address: what a second node adds when it brings processor time
 *       of its own.</li>
 * </ol>
 * Every request must answer 200 within Gatling's request timeout (gatling.conf: 10 s); anything else is an error.
 * {@link LoadReport} turns Gatling's statistics into the table with the ratios.
 */
public class AccessGuardSimulation extends Simulation {

    static final LoadEnvironment ENVIRONMENT = new LoadEnvironment();

    private static final int SECONDS = Integer.getInteger("load.seconds", 20);
    private static final int MIXED_SECONDS = Integer.getInteger("load.mixed-seconds", 60);
    private static final int WARM_UP_SECONDS = Integer.getInteger("load.warm-up-seconds", 60);
    private static final int ROUNDS = Math.max(1, Integer.getInteger("load.rounds", 3));

    static final String ONE_NODE_QUOTA = "mixed c=200, 1 node, CPU quota";
    static final String TWO_NODES_QUOTA_EACH = "mixed c=200, 2 nodes, CPU quota each";

    private static final Iterator<Map<String, Object>> TARGETS = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            LoadEnvironment.Target target = ENVIRONMENT.randomTarget();
            return Map.of("token", target.token(), "group", target.group().toString(), "student", target.student().toString());
        }
    };

    {
        HttpProtocolBuilder nodeA = protocol(ENVIRONMENT.urlA());
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.addAll(warmUp("warm-up", nodeA));
        for (int users : new int[] {8, 32}) {
            for (int round = 1; round <= ROUNDS; round++) {
                List<PopulationBuilder> endpoints = new ArrayList<>();
                String suffix = " c=" + users + " #" + round;
                endpoints.add(phase("unguarded" + suffix, exec(group("unguarded" + suffix)), users, SECONDS, nodeA));
                endpoints.add(phase("guarded" + suffix, exec(student("guarded" + suffix)), users, SECONDS, nodeA));
                endpoints.add(phase("members" + suffix, exec(members("members" + suffix)), users, SECONDS, nodeA));
                Collections.rotate(endpoints, -(round - 1));
                phases.addAll(endpoints);
            }
        }
        phases.addAll(measured("mixed c=200, 1 node", nodeA));
        if (ENVIRONMENT.nodes >= 2) {
            // Node A's warm-up for node B too: with half of it, node B spent three times node A's processor time on a request
            // in the two-node phase of one run at 2 % (its code not yet compiled as node A's was), and held both nodes back.
            phases.addAll(warmUp("warm-up node B", protocol(ENVIRONMENT.urlB())));
            HttpProtocolBuilder both = ENVIRONMENT.urlBoth() != null ? protocol(ENVIRONMENT.urlBoth())
                    : http.baseUrls(ENVIRONMENT.urlA(), ENVIRONMENT.urlB()).acceptHeader("application/json");
            phases.addAll(measured("mixed c=200, 2 nodes", both));
            if (ENVIRONMENT.canLimitCpu()) {
                phases.add(scenario("a CPU quota per node").exec(session -> {
                    ENVIRONMENT.limitNodesCpu();
                    return session;
                }).injectOpen(atOnceUsers(1)));
                phases.addAll(measured(ONE_NODE_QUOTA, nodeA));
                phases.addAll(measured(TWO_NODES_QUOTA_EACH, both));
            }
        }
        // Strictly one after the other: each phase starts once every user of the one before has stopped.
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        setUp(chain);
    }

    @Override
    public void before() {
        try {
            ENVIRONMENT.setUp();
        } catch (Exception e) {
            ENVIRONMENT.close();
            throw new IllegalStateException("the load benchmark's set-up failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        ENVIRONMENT.liftCpuLimits();
        ENVIRONMENT.readNodeMetrics();
        ENVIRONMENT.verifyAuditChain();
        ENVIRONMENT.writeFacts();
        ENVIRONMENT.close();
    }

    /**
     * A node's warm-up: the mix at c=16 for {@code load.warm-up-seconds}, then each endpoint alone at c=8 for a sixth of
     * it. The first phase after the mixed warm-up alone answered at half the rate of the same endpoint's later rounds, in
     * every run: each endpoint alone for a while more, so that no measured phase meets that.
     */
    private static List<PopulationBuilder> warmUp(String name, HttpProtocolBuilder protocol) {
        return List.of(
                phase(name, mixed(name), 16, WARM_UP_SECONDS, protocol),
                phase(name + " unguarded", exec(group(name + " unguarded")), 8, WARM_UP_SECONDS / 6, protocol),
                phase(name + " guarded", exec(student(name + " guarded")), 8, WARM_UP_SECONDS / 6, protocol),
                phase(name + " members", exec(members(name + " members")), 8, WARM_UP_SECONDS / 6, protocol));
    }

    /**
     * The mix at c=200 for {@code load.mixed-seconds}, with the processor time of every part of the run marked before and
     * after it ({@link LoadEnvironment#markCpu(String)}), so that the report can say where each request's time went.
     */
    private static List<PopulationBuilder> measured(String name, HttpProtocolBuilder protocol) {
        return List.of(
                scenario("cpu before " + name).exec(session -> {
                    ENVIRONMENT.markCpu(name + ".before");
                    return session;
                }).injectOpen(atOnceUsers(1)),
                phase(name, mixed(name), 200, MIXED_SECONDS, protocol),
                scenario("cpu after " + name).exec(session -> {
                    ENVIRONMENT.markCpu(name + ".after");
                    return session;
                }).injectOpen(atOnceUsers(1)));
    }

    private static HttpProtocolBuilder protocol(String base) {
        return http.baseUrl(base).acceptHeader("application/json");
    }

    private static PopulationBuilder phase(String name, ChainBuilder request, int users, int seconds,
                                           HttpProtocolBuilder protocol) {
        ScenarioBuilder scenario = scenario(name)
                .during(Duration.ofSeconds(seconds)).on(exec(session -> session.setAll(TARGETS.next())).exec(request));
        return scenario.injectOpen(atOnceUsers(users)).protocols(protocol);
    }

    private static ChainBuilder mixed(String name) {
        return exec(uniformRandomSwitch().on(exec(group(name)), exec(student(name)), exec(members(name))));
    }

    private static HttpRequestActionBuilder group(String name) {
        return http(name).get("/api/v1/groups/#{group}").header("Authorization", "Bearer #{token}").check(status().is(200));
    }

    private static HttpRequestActionBuilder student(String name) {
        return http(name).get("/api/v1/students/#{student}").header("Authorization", "Bearer #{token}")
                .check(status().is(200));
    }

    private static HttpRequestActionBuilder members(String name) {
        return http(name).get("/api/v1/groups/#{group}/members?limit=30").header("Authorization", "Bearer #{token}")
                .check(status().is(200));
    }
}
