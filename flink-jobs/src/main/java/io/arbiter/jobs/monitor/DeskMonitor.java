package io.arbiter.jobs.monitor;

import io.arbiter.schemas.AllocationEvent;
import io.arbiter.schemas.GovernanceEvent;
import io.arbiter.schemas.ModelAllocation;
import io.arbiter.schemas.ModelState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the desk watches, kept from the job's allocation and governance events: per book the newest
 * allocation and each model's current state, and the latest governance events. Rendered as the
 * monitoring table ({@link DeskTable}) and the events as sentences ({@link GovernanceSentences}).
 *
 * <p>Events may come in any order; the picture is decided by event time, not arrival:
 *
 * <ul>
 *   <li>a book shows its allocation with the latest time; of two with the same time, the one that
 *       came later (Kafka keeps a book's events in the order the job wrote them);
 *   <li>a model's status is the state of the newest event about it: the shown allocation's state,
 *       or a later governance event's new state (a HALT after the last allocation shows at once).
 *       At equal times the governance event wins, as the job decides before it reallocates;
 *   <li>a model that only governance events have named (registered, not yet allocated) has a row
 *       with its state and no figures;
 *   <li>the event list keeps the {@code lastEvents} latest by (time, book, model, kind, event id),
 *       and a repeated event once.
 * </ul>
 *
 * Not thread-safe: {@link DeskWatcher} guards one for its poller and the printing thread. Memory is
 * bounded by the books and models of the desk plus {@code lastEvents}.
 */
public final class DeskMonitor {

    /**
     * Event time, then names a person can follow (book, model with book-wide events first, kind);
     * the id, a name-based UUID, only separates what is otherwise alike.
     */
    private static final Comparator<GovernanceEvent> BY_TIME =
            Comparator.comparing(GovernanceEvent::getTime)
                    .thenComparing(GovernanceEvent::getBook)
                    .thenComparing(
                            GovernanceEvent::getModel,
                            Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(GovernanceEvent::getKind)
                    .thenComparing(GovernanceEvent::getEventId);

    private final int lastEvents;
    private final Map<String, Book> books = new TreeMap<>();
    private final NavigableSet<GovernanceEvent> latest = new TreeSet<>(BY_TIME);

    /** A model's newest state from a governance event, and when it took it. */
    private record Mark(Instant time, ModelState state) {}

    private static final class Book {
        AllocationEvent allocation;
        final Map<String, Mark> governed = new HashMap<>();
    }

    /**
     * @param lastEvents how many governance events {@link #renderEvents()} shows, at least 0
     */
    public DeskMonitor(int lastEvents) {
        if (lastEvents < 0) {
            throw new IllegalArgumentException("lastEvents " + lastEvents + " is negative");
        }
        this.lastEvents = lastEvents;
    }

    public void accept(AllocationEvent event) {
        Book book = books.computeIfAbsent(event.getBook(), b -> new Book());
        if (book.allocation == null || !event.getTime().isBefore(book.allocation.getTime())) {
            book.allocation = event;
        }
    }

    public void accept(GovernanceEvent event) {
        Book book = books.computeIfAbsent(event.getBook(), b -> new Book());
        if (event.getModel() != null && event.getToState() != ModelState.UNKNOWN) {
            Mark known = book.governed.get(event.getModel());
            if (known == null || !event.getTime().isBefore(known.time())) {
                book.governed.put(event.getModel(), new Mark(event.getTime(), event.getToState()));
            }
        }
        if (lastEvents > 0) {
            latest.add(event);
            if (latest.size() > lastEvents) {
                latest.pollFirst();
            }
        }
    }

    /** The table: books by name, each book's models by id. */
    public String renderTable() {
        return DeskTable.render(sections());
    }

    /** The latest governance events, oldest first. */
    public String renderEvents() {
        return GovernanceSentences.render(List.copyOf(latest));
    }

    /** The table, a blank line, then the latest governance events under a title. */
    public String render() {
        return renderTable()
                + "\nlatest governance events (newest last)\n"
                + GovernanceSentences.render(List.copyOf(latest)).indent(2);
    }

    List<DeskTable.Section> sections() {
        List<DeskTable.Section> sections = new ArrayList<>(books.size());
        books.forEach((name, book) -> sections.add(section(name, book)));
        return sections;
    }

    private static DeskTable.Section section(String name, Book book) {
        Map<String, DeskTable.Row> rows = new TreeMap<>();
        AllocationEvent allocation = book.allocation;
        if (allocation != null) {
            for (ModelAllocation model : allocation.getAllocations()) {
                rows.put(model.getModel(), row(model, status(model, allocation, book)));
            }
        }
        book.governed.forEach(
                (model, mark) ->
                        rows.putIfAbsent(model, DeskTable.Row.stateOnly(model, mark.state())));
        List<DeskTable.Row> ordered = List.copyOf(rows.values());
        if (allocation == null) {
            return new DeskTable.Section(name, null, null, Double.NaN, Double.NaN, ordered);
        }
        return new DeskTable.Section(
                name,
                allocation.getTime(),
                allocation.getTrigger(),
                allocation.getRiskScaler(),
                allocation.getBufferShare(),
                ordered);
    }

    /** The allocation's state, unless a governance event at the same time or later changed it. */
    private static ModelState status(ModelAllocation model, AllocationEvent allocation, Book book) {
        Mark mark = book.governed.get(model.getModel());
        if (mark != null && !mark.time().isBefore(allocation.getTime())) {
            return mark.state();
        }
        return model.getState();
    }

    private static DeskTable.Row row(ModelAllocation model, ModelState status) {
        return new DeskTable.Row(
                model.getModel(),
                status,
                AllocationFigures.profitFactor(model),
                AllocationFigures.drawdown(model),
                AllocationFigures.closedTrades(model),
                model.getShare(),
                model.getAlpha(),
                model.getBeta());
    }
}
