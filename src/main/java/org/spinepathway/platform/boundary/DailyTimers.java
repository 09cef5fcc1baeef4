package org.spinepathway.platform.boundary;

import java.time.ZoneId;
import java.util.logging.Logger;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;

/** The clinic's daily jobs' timers: "HH:mm" in the clinic's time zone, or "off". */
public final class DailyTimers {

    private static final Logger LOG = Logger.getLogger(DailyTimers.class.getName());

    private DailyTimers() {
    }

    /**
     * A calendar timer on {@code timers} firing daily at {@code schedule} (HH:mm) in {@code zone}, named
     * {@code job}; none when the schedule is blank or "off" ({@code key}, the setting, is named in the log).
     */
    public static void start(TimerService timers, String schedule, ZoneId zone, String job, String key) {
        if (schedule == null || schedule.isBlank() || schedule.strip().equalsIgnoreCase("off")) {
            LOG.info("The daily " + job + " is off (" + key + ")");
            return;
        }
        String[] hourMinute = schedule.strip().split(":");
        ScheduleExpression at = new ScheduleExpression().hour(hourMinute[0]).minute(hourMinute.length > 1 ? hourMinute[1] : "0").second(0)
                .timezone(zone.getId());
        timers.createCalendarTimer(at, new TimerConfig(job, false));
        LOG.info("The " + job + " runs daily at " + schedule.strip() + " " + zone);
    }
}
