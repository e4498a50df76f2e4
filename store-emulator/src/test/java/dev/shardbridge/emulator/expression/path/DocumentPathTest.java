package dev.shardbridge.emulator.expression.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPathTest {

    private static DocumentPath path(Object... elements) {
        List<PathElement> list = new ArrayList<>();
        for (Object element : elements) {
            list.add(element instanceof Integer index ? new PathElement.Index(index) : new PathElement.Name((String) element));
        }
        return new DocumentPath(list);
    }

    @Test
    void rendersAsAwsDoes() {
        assertThat(path("a", "b", 1, "c")).hasToString("[a, b, [1], c]");
    }

    @Test
    void relations() {
        assertThat(path("a").relationTo(path("a", "b"))).isEqualTo(PathRelation.OVERLAPPING);
        assertThat(path("a", 1).relationTo(path("a", 1))).isEqualTo(PathRelation.OVERLAPPING);
        assertThat(path("a", 1).relationTo(path("a", "b"))).isEqualTo(PathRelation.CONFLICTING);
        assertThat(path("a", 1).relationTo(path("a", 2, "b"))).isEqualTo(PathRelation.DISJOINT);
        assertThat(path("a", "b", 1).relationTo(path("a", "c", "x"))).isEqualTo(PathRelation.DISJOINT);
    }

    @Test
    void ordersIndexesNumerically() {
        List<DocumentPath> paths = new ArrayList<>(List.of(path("a", 10), path("a", 9), path("a"), path("0")));
        paths.sort(null);
        assertThat(paths).extracting(DocumentPath::toString).containsExactly("[0]", "[a]", "[a, [9]]", "[a, [10]]");
    }

    @Test
    void startsWithAName() {
        assertThatThrownBy(() -> new DocumentPath(List.of(new PathElement.Index(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(path("a", "b").parent()).isEqualTo(path("a"));
        assertThat(path("a", "b").attributeName()).isEqualTo("a");
    }
}
