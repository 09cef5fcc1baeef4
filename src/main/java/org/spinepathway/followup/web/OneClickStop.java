package org.spinepathway.followup.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.spinepathway.followup.boundary.FollowUpLinks;
import org.spinepathway.security.boundary.TaskLinks;

/**
 * {@code POST /follow-up/stop?t=...}: the one-click "unsubscribe" of RFC 8058, which a mail program
 * posts when the patient presses its button ({@code List-Unsubscribe-Post}). Only a POST changes
 * anything, so a mail filter that opens links does not stop a patient's e-mails; a GET goes to the
 * page with its button.
 */
@WebServlet(FollowUpLinks.ONE_CLICK_STOP)
public class OneClickStop extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FollowUpLinks links;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FollowUpLinks.Stopped stopped = links.stop(request.getParameter(TaskLinks.TOKEN_PARAMETER), true);
        response.setContentType("text/plain;charset=UTF-8");
        if (stopped == FollowUpLinks.Stopped.NOT_VALID) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write("This link no longer works.\n");
        } else {
            response.getWriter().write("You will get no more follow-up e-mails from the clinic.\n");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter(TaskLinks.TOKEN_PARAMETER);
        String page = request.getContextPath() + FollowUpLinks.STOP_PAGE;
        response.sendRedirect(token == null || !token.matches("[A-Za-z0-9_-]{1,100}") ? page : page + "?" + TaskLinks.TOKEN_PARAMETER + "=" + token);
    }
}
