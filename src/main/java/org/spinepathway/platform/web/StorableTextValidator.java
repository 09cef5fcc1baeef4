package org.spinepathway.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

import org.spinepathway.platform.control.StorableText;

/**
 * A default validator of every input on every page (faces-config.xml): text with control
 * characters is refused next to its field, as the API refuses it, instead of failing in the
 * database.
 */
@FacesValidator(StorableTextValidator.ID)
public class StorableTextValidator implements Validator<Object> {

    public static final String ID = "clinic.StorableText";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof CharSequence text && !StorableText.isStorable(text)) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, StorableText.MESSAGE, null));
        }
    }
}
