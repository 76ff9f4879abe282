package io.breakpoint.tickets;

import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

abstract class IdempotencyApiTest extends ApiTest {

    @Test
    void aRepeatedKeyReturnsTheFirstTicket() {
        String key = UUID.randomUUID().toString();
        var first = submit(key).expect(201);
        var again = submit(key).expect(201);

        assertThat(again.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(again.path("number").asLong()).isEqualTo(first.path("number").asLong());
        assertThat(ticketsWithKey(key)).isEqualTo(1);
        assertThat(submit(UUID.randomUUID().toString()).expect(201).path("id").asString())
                .as("another key is another ticket").isNotEqualTo(first.path("id").asString());
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneTicket() throws Exception {
        String key = UUID.randomUUID().toString();
        api.as(clinics.ellis()); // sign in before the race
        int n = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return submit(key);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Api.Response> a : answers) ids.add(a.get(60, TimeUnit.SECONDS).expect(201).path("id").asString());
            assertThat(ids).hasSize(n).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(ticketsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aKeyBelongsToTheRequesterWhoUsedIt() {
        String key = UUID.randomUUID().toString();
        String ellis = submit(key).expect(201).path("id").asString();
        String fox = api.as(clinics.fox()).post("/api/v1/tickets", aTicket().json(), "Idempotency-Key", key)
                .expect(201).path("id").asString();
        assertThat(fox).isNotEqualTo(ellis);
    }

    @Test
    void anOverlongKeyIsRefused() {
        var r = api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().json(), "Idempotency-Key", "k".repeat(101));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
    }

    private Api.Response submit(String key) {
        return api.as(clinics.ellis()).post("/api/v1/tickets", aTicket().about("Printer jam at front desk").json(),
                "Idempotency-Key", key);
    }

    private long ticketsWithKey(String key) {
        return jdbc.sql("select count(*) from tickets where idempotency_key = ?").param(key).query(Long.class).single();
    }
}

@OnH2
class IdempotencyApiOnH2Test extends IdempotencyApiTest {
}

@OnPostgres
class IdempotencyApiOnPostgresTest extends IdempotencyApiTest {
}
