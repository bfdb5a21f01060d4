package dev.salesbot.sandbox.shopify.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.file.Files;

/**
 * {@code GET /sandbox/shopify-bulk-results/{token}.jsonl}: a finished bulk operation's JSONL
 * ({@link BulkResults}), streamed; 403 with the storage service's XML once expired or unknown, as
 * an expired signed Google Cloud Storage URL answers
 * (https://cloud.google.com/storage/docs/access-control/signed-urls: "ExpiredToken").
 */
@Path(BulkResults.PATH + "{token: [0-9a-f]{32}}.jsonl")
public class BulkResultsResource {

    @GET
    public Response download(@PathParam("token") String token) {
        return BulkResults.file(token)
                .map(file -> Response.ok((StreamingOutput) out -> Files.copy(file, out))
                        .type("application/jsonl").header("Content-Length", file.toFile().length()).build())
                .orElseGet(() -> Response.status(403).type("application/xml; charset=UTF-8")
                        .entity("<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code>"
                                + "<Message>The provided token has expired.</Message></Error>").build());
    }
}
