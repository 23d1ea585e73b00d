package org.expanderexplorer.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestWinsTest {

    @Test
    void requestsDuringAComputationCollapseToTheNewest() {
        ManualExecutor ex = new ManualExecutor();
        List<Integer> shown = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(ex, q -> q * 10, (q, r) -> shown.add(r), e -> { });
        lw.request(100);
        for (int q = 99; q >= 50; q--) {
            lw.request(q);
        }
        assertThat(ex.started).isEqualTo(1);
        ex.finishOne();
        assertThat(shown).containsExactly(1000);
        assertThat(ex.started).as("only the newest waiting request runs").isEqualTo(2);
        ex.finishOne();
        assertThat(shown).containsExactly(1000, 500);
        assertThat(lw.isBusy()).isFalse();
    }

    @Test
    void sameThreadDeliversInRequestOrder() {
        List<Integer> shown = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(new SameThreadExecutor(), q -> q, (q, r) -> shown.add(r),
                e -> { });
        lw.request(3);
        lw.request(2);
        lw.request(1);
        assertThat(shown).containsExactly(3, 2, 1);
    }

    @Test
    void failuresAreReportedAndDoNotBlockTheNextRequest() {
        ManualExecutor ex = new ManualExecutor();
        List<String> errors = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(ex, q -> {
            if (q < 0) {
                throw new IllegalArgumentException("negative " + q);
            }
            return q;
        }, (q, r) -> shown.add(r), e -> errors.add(e.getMessage()));
        lw.request(-1);
        lw.request(5);
        ex.finishOne();
        ex.finishOne();
        assertThat(errors).containsExactly("negative -1");
        assertThat(shown).containsExactly(5);
    }
}
