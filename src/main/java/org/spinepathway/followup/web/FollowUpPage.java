package org.spinepathway.followup.web;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;

import org.spinepathway.followup.boundary.FollowUpCompletion;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.web.CsvDownload;
import org.spinepathway.platform.web.FieldMessages;

/**
 * {@code /physio/follow-up.xhtml}: completion of the check-ins patients were invited to, per time
 * point, for the clinic (a chart and a table) and per physiotherapist, as CSV too; and the overdue
 * check-ins with the patient's phone number, to call.
 */
@Named
@ViewScoped
public class FollowUpPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int OVERDUE_SHOWN = 200;

    @Inject
    FollowUpCompletion completion;

    @Inject
    Clock clock;

    private LocalDate from;
    private LocalDate to;
    private List<FollowUpCompletion.Row> clinic = List.of();
    private List<FollowUpCompletion.PhysioRows> byPhysio = List.of();
    private List<FollowUpCompletion.Overdue> overdue = List.of();

    public void load() {
        to = LocalDate.now(clock);
        from = to.minusYears(1);
        show();
        overdue = completion.overdue(OVERDUE_SHOWN);
    }

    public void show() {
        try {
            FollowUpCompletion.Range range = completion.range(from == null ? null : from.toString(), to == null ? null : to.toString());
            clinic = completion.clinic(range);
            byPhysio = completion.byPhysio(range);
        } catch (InvalidInputException invalid) {
            FieldMessages.show(FacesContext.getCurrentInstance(), invalid, field -> "filter:" + field);
        }
    }

    public void exportCsv() throws IOException {
        CsvDownload.send("follow-up-completion.csv", out -> completion.exportCsv(completion.range(from == null ? null : from.toString(), to == null ? null : to.toString()), out));
    }

    /** The clinic's answered share per time point, as a bar chart (Chart.js configuration; labels are the clinic's own words). */
    public String getChartJson() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (FollowUpCompletion.Row r : clinic) {
            labels.add(completion.words(r.timePoint()));
            if (r.rate() == null) {
                values.addNull();
            } else {
                values.add(r.rate().movePointRight(2));
            }
        }
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("label", "Answered (%)").add("data", values).add("backgroundColor", "#0f766e"))))
                .add("options", JSON.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder().add("min", 0).add("max", 100)
                                .add("title", JSON.createObjectBuilder().add("display", true).add("text", "Answered (%)")))))
                .build().toString();
    }

    /** A rate as the page shows it: "66.7%", or "—" when nobody was invited. */
    public String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    public String words(String timePoint) {
        return completion.words(timePoint);
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public List<FollowUpCompletion.Row> getClinic() { return clinic; }
    public List<FollowUpCompletion.PhysioRows> getByPhysio() { return byPhysio; }
    public List<FollowUpCompletion.Overdue> getOverdue() { return overdue; }
}
