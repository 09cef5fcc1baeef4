package org.spinepathway.care.web;

import java.io.Serializable;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.control.EmergencyAccesses;
import org.spinepathway.platform.web.PagedModel;

/**
 * {@code /admin/emergency-access.xhtml}: every emergency access ("break-glass") a physiotherapist
 * opened to an episode in another's care, newest first: who, whose record, why, when and until when.
 */
@Named
@ViewScoped
public class EmergencyAccessListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EpisodeService episodes;

    private final LazyDataModel<EmergencyAccesses.Row> accesses = new PagedModel<>(
            () -> episodes.emergencyAccessCount(),
            (first, max) -> episodes.emergencyAccessPage(first, max));

    public LazyDataModel<EmergencyAccesses.Row> getAccesses() {
        return accesses;
    }
}
