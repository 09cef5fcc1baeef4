package org.spinepathway.platform.web;

import java.math.BigDecimal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

import org.primefaces.component.inputnumber.InputNumberRenderer;

/**
 * PrimeFaces' number input parses what its hidden field sends with {@code new BigDecimal(...)}
 * while decoding, so a value that is not a number (a hand-made request, not the widget) ends in a
 * NumberFormatException and the error page. Here it is a "not in a form we can read" message next
 * to the field, like any other conversion failure, and the field keeps its value.
 */
public class LenientInputNumberRenderer extends InputNumberRenderer {

    @Override
    public void decode(FacesContext context, UIComponent component) {
        String sent = context.getExternalContext().getRequestParameterMap().get(component.getClientId(context) + "_hinput");
        if (sent != null && !sent.isBlank() && !isNumber(sent.strip())) {
            UIInput input = (UIInput) component;
            input.setSubmittedValue(null);
            input.setValid(false);
            context.addMessage(component.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.standard(context, "jakarta.faces.component.UIInput.CONVERSION"), null));
            context.validationFailed();
            return;
        }
        super.decode(context, component);
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
