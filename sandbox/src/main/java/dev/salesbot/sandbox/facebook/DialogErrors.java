package dev.salesbot.sandbox.facebook;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;

/** A refused Login dialog request becomes Facebook's error page (400), never a redirect. */
@Provider
public class DialogErrors implements ExceptionMapper<DialogException> {

    private static final System.Logger LOGGER = System.getLogger(DialogErrors.class.getName());

    @Override
    public Response toResponse(DialogException e) {
        LOGGER.log(System.Logger.Level.DEBUG, "Sandbox Login dialog refused: {0}", e.getMessage());
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                // Bytes, not a String: RESTEasy (WildFly) HTML-escapes String entities of 400 text/html answers.
                .entity(DialogPage.error(e.getMessage()).getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
