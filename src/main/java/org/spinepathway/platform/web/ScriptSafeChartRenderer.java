package org.spinepathway.platform.web;

import java.io.IOException;

import jakarta.faces.context.FacesContext;

import org.primefaces.component.chart.Chart;
import org.primefaces.component.chart.ChartRenderer;
import org.spinepathway.platform.control.ScriptSafeJson;

/**
 * PrimeFaces writes a {@code p:chart}'s Chart.js configuration into the page's script as it is,
 * unescaped; the configuration carries clinical text (intervention labels), and a label holding
 * {@code </script>} would end the script and let the rest of the label be markup. Every chart's
 * configuration is escaped for the script here, whatever bean built it.
 */
public class ScriptSafeChartRenderer extends ChartRenderer {

    @Override
    protected String renderConfig(FacesContext context, Chart chart) throws IOException {
        return ScriptSafeJson.escape(super.renderConfig(context, chart));
    }
}
