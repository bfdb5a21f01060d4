--
-- PostgreSQL database dump
--

\restrict oEDdVVkld4SD4Q8GrGMG06faAhzFg9FLvf5hQzFhayB4sbfSPear9ReSV62RfLI

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: facebook_data_deletion; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facebook_data_deletion (
    code character varying(32) NOT NULL,
    completed_at timestamp without time zone,
    pages integer NOT NULL,
    pages_deleted integer NOT NULL,
    requested_at timestamp without time zone NOT NULL
);


--
-- Name: facebook_page_connection; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.facebook_page_connection (
    id character varying(36) NOT NULL,
    connected_at timestamp without time zone NOT NULL,
    facebook_user_id character varying(30),
    merchant_id character varying(36) NOT NULL,
    page_id character varying(30) NOT NULL,
    page_name character varying(512),
    page_token_sealed character varying(2048),
    status character varying(16) NOT NULL,
    status_reason character varying(512),
    updated_at timestamp without time zone NOT NULL,
    version bigint
);


--
-- Name: poll_slot; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.poll_slot (
    target character varying(255) NOT NULL,
    kind character varying(32) NOT NULL,
    last_polled_at bigint,
    next_poll_at bigint NOT NULL,
    round bigint NOT NULL
);


--
-- Name: shopify_bulk_operation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shopify_bulk_operation (
    id character varying(100) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    finished_status character varying(16),
    part character varying(32) NOT NULL,
    shop character varying(255) NOT NULL
);


--
-- Name: shopify_connection; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shopify_connection (
    id character varying(36) NOT NULL,
    access_token_expires_at timestamp without time zone,
    access_token_sealed character varying(2048),
    connected_at timestamp without time zone NOT NULL,
    merchant_id character varying(36) NOT NULL,
    refresh_token_expires_at timestamp without time zone,
    refresh_token_sealed character varying(2048),
    scope character varying(1024),
    shop character varying(255) NOT NULL,
    status character varying(16) NOT NULL,
    status_reason character varying(512),
    updated_at timestamp without time zone NOT NULL,
    version bigint,
    webhook_problem character varying(1024),
    webhook_topics character varying(1024),
    webhooks_checked_at timestamp without time zone
);


--
-- Name: sync_lease; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sync_lease (
    target character varying(255) NOT NULL,
    expires_at bigint NOT NULL,
    holder character varying(64) NOT NULL
);


--
-- Name: sync_progress; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sync_progress (
    target character varying(255) NOT NULL,
    fetched bigint NOT NULL,
    total bigint NOT NULL,
    updated_at timestamp without time zone NOT NULL
);


--
-- Name: sync_request; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sync_request (
    id character varying(36) NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    finished_at timestamp without time zone,
    kind character varying(32) NOT NULL,
    merchant_id character varying(36) NOT NULL,
    message character varying(1000),
    not_before timestamp without time zone NOT NULL,
    outcome character varying(16),
    payload character varying(1000),
    state character varying(16) NOT NULL,
    target character varying(255) NOT NULL
);


--
-- Name: target_status; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.target_status (
    target character varying(255) NOT NULL,
    consecutive_failures integer NOT NULL,
    counts character varying(1000),
    last_attempt_at timestamp without time zone,
    last_error character varying(1000),
    last_error_at timestamp without time zone,
    last_message character varying(1000),
    last_result character varying(16),
    last_success_at timestamp without time zone,
    last_written_at timestamp without time zone,
    webhooks_checked_at timestamp without time zone,
    webhooks_present character varying(1024),
    webhooks_wanted character varying(1024)
);


--
-- Name: webhook_delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_delivery (
    id character varying(128) NOT NULL,
    platform character varying(16) NOT NULL,
    received_at timestamp without time zone NOT NULL,
    source character varying(255) NOT NULL,
    topic character varying(64) NOT NULL
);


--
-- Data for Name: facebook_data_deletion; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: facebook_page_connection; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.facebook_page_connection VALUES ('e6e310a8-0267-4756-8142-833437014c2d', '2026-12-07 02:15:51.65205', '10229384756120034', '52886593-e2fc-4eda-bec9-12df79230152', '101368371725791', 'Fast Online Store PH', 'v1:YJ1HLTqxZLYIGE1dsqmrCJosGJZRyDGpCB9Pb1BU1XI1SYW+3sVbYknrVAFHbRS62mLTroDaUBlg9+DGHT/HseQPp3Dg3Z4ymean50L1YoihPDbtGeHoYktG+0k6pBU=', 'ACTIVE', NULL, '2026-12-07 02:15:51.65205', 1);
INSERT INTO public.facebook_page_connection VALUES ('bd9490e4-c4cc-47c1-b848-040af712a1a2', '2026-12-07 02:15:51.658004', '10229384756120034', '52886593-e2fc-4eda-bec9-12df79230152', '101368379645128', 'Manila Sneaker Hub', 'v1:MaEeHHQecGVA6ZRjxqVMKs9jpHdntZvagJEl4Z4eB5/HmOnTXXbgfGqfnCD/4sTAxVlWvrB/BUGbgl8KYT1fJArnxAIjbfU+3rdz9cCD7GT7PFwShfgBH8RhQhTJNh8=', 'ACTIVE', NULL, '2026-12-07 02:15:51.658004', 1);
INSERT INTO public.facebook_page_connection VALUES ('3f53c984-e0b6-4aa1-b4d6-6e6a5daac1a8', '2026-12-07 02:15:51.660728', '10229384756120034', '52886593-e2fc-4eda-bec9-12df79230152', '101368387564465', 'Cebu Craft Bags', 'v1:l2wqsdzvC5FQomsHCfWBPnpqyWAfYO41RBKGlLjctbZNffVTxNpxrpSFBJn2qKjxJFDrxhDL++vSdPhqfAZ/5QlGKZA460D/0J786GrVM6OohvhL08QoUmhGWmGwwwE=', 'ACTIVE', NULL, '2026-12-07 02:15:51.660728', 1);


--
-- Data for Name: poll_slot; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: shopify_bulk_operation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: shopify_connection; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.shopify_connection VALUES ('54f0c365-14a4-431f-b0e6-0bdc2a66b0cc', '2026-12-07 03:15:48.00901', 'v1:jUzLaCaVwuyEiC99Q9I5iz5ZZOEf97OSgJaTIwi3hxVOE7OPoTwz931M7dkoRYE546FOdN9fLj0z/G+VJj/vpTvf', '2026-12-07 02:15:48.025939', '52886593-e2fc-4eda-bec9-12df79230152', '2027-03-07 02:15:48.00901', 'v1:pbpeBxrE5P1pHYGbitYzmPt7efOVDsZBTgho7YZy48pXTPi5iJZ4+xzz9fkaMCj0m45UoAa/C3So1fSbLuOnCLs0', 'read_products,read_product_listings,read_inventory,read_discounts,read_locations', 'upgrade-outfitters.myshopify.com', 'ACTIVE', NULL, '2026-12-07 02:15:48.025939', 2, NULL, 'app/uninstalled,bulk_operations/finish,collections/create,collections/delete,collections/update,discounts/create,discounts/delete,discounts/redeemcode_added,discounts/redeemcode_removed,discounts/update,inventory_levels/update,products/create,products/delete,products/update,shop/update', '2026-12-07 02:15:50.90971');


--
-- Data for Name: sync_lease; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sync_progress; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sync_progress VALUES ('upgrade-outfitters.myshopify.com', 0, 36, '2026-12-07 02:15:51.327739');


--
-- Data for Name: sync_request; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sync_request VALUES ('28b3a892-1aa8-4fb5-a603-0f20ac73302d', 0, '2026-12-07 02:15:48.043635', '2026-12-07 02:15:51.302612', 'SHOPIFY_FULL', '52886593-e2fc-4eda-bec9-12df79230152', 'Uploaded data to the local store for upgrade-outfitters.myshopify.com', '2026-12-07 02:15:48.043635', 'success', NULL, 'DONE', 'upgrade-outfitters.myshopify.com');
INSERT INTO public.sync_request VALUES ('60f3fb64-82e8-4fa7-8267-fe06bb2907b5', 0, '2026-12-07 02:15:51.663205', '2026-12-07 02:15:51.719875', 'FACEBOOK_PAGE', '52886593-e2fc-4eda-bec9-12df79230152', 'Uploaded page data for page 101368371725791', '2026-12-07 02:15:51.663205', 'success', NULL, 'DONE', '101368371725791');
INSERT INTO public.sync_request VALUES ('c68c6352-7ee5-485f-8373-c82568618caa', 0, '2026-12-07 02:15:51.663358', '2026-12-07 02:15:51.729277', 'FACEBOOK_PAGE', '52886593-e2fc-4eda-bec9-12df79230152', 'Uploaded page data for page 101368379645128', '2026-12-07 02:15:51.663358', 'success', NULL, 'DONE', '101368379645128');
INSERT INTO public.sync_request VALUES ('d669f727-2d40-4142-b5ef-01dff9903579', 0, '2026-12-07 02:15:51.663486', '2026-12-07 02:15:51.780919', 'FACEBOOK_PAGE', '52886593-e2fc-4eda-bec9-12df79230152', 'Uploaded page data for page 101368387564465', '2026-12-07 02:15:51.663486', 'success', NULL, 'DONE', '101368387564465');


--
-- Data for Name: target_status; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.target_status VALUES ('upgrade-outfitters.myshopify.com', 0, '{"products":36,"variants":249,"discounts":6,"collections":11}', '2026-12-07 02:15:51.316376', NULL, NULL, 'Uploaded data to the local store for upgrade-outfitters.myshopify.com', 'WRITTEN', '2026-12-07 02:15:51.316376', '2026-12-07 02:15:51.316376', NULL, NULL, NULL);
INSERT INTO public.target_status VALUES ('101368371725791', 0, '{"fields":13}', '2026-12-07 02:15:51.723828', NULL, NULL, 'Uploaded page data for page 101368371725791', 'WRITTEN', '2026-12-07 02:15:51.723828', '2026-12-07 02:15:51.723828', '2026-12-07 02:15:51.795882', 'category,description,hours,location,messages,messaging_postbacks,name,phone,picture,website', 'category,description,hours,location,messages,messaging_postbacks,name,phone,picture,website');
INSERT INTO public.target_status VALUES ('101368379645128', 0, '{"fields":13}', '2026-12-07 02:15:51.734275', NULL, NULL, 'Uploaded page data for page 101368379645128', 'WRITTEN', '2026-12-07 02:15:51.734275', '2026-12-07 02:15:51.734275', '2026-12-07 02:15:51.813634', 'category,description,hours,location,messages,messaging_postbacks,name,phone,picture,website', 'category,description,hours,location,messages,messaging_postbacks,name,phone,picture,website');
INSERT INTO public.target_status VALUES ('101368387564465', 0, '{"fields":13}', '2026-12-07 02:15:51.784133', NULL, NULL, 'Uploaded page data for page 101368387564465', 'WRITTEN', '2026-12-07 02:15:51.784133', '2026-12-07 02:15:51.784133', '2026-12-07 02:15:51.828767', 'category,description,hours,location,messages,messaging_postbacks,name,phone,picture,website', 'category,description,hours,location,messages,messaging_postbacks,name,phone,picture,website');


--
-- Data for Name: webhook_delivery; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: facebook_data_deletion facebook_data_deletion_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facebook_data_deletion
    ADD CONSTRAINT facebook_data_deletion_pkey PRIMARY KEY (code);


--
-- Name: facebook_page_connection facebook_page_connection_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facebook_page_connection
    ADD CONSTRAINT facebook_page_connection_pkey PRIMARY KEY (id);


--
-- Name: poll_slot poll_slot_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.poll_slot
    ADD CONSTRAINT poll_slot_pkey PRIMARY KEY (target);


--
-- Name: shopify_bulk_operation shopify_bulk_operation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shopify_bulk_operation
    ADD CONSTRAINT shopify_bulk_operation_pkey PRIMARY KEY (id);


--
-- Name: shopify_connection shopify_connection_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shopify_connection
    ADD CONSTRAINT shopify_connection_pkey PRIMARY KEY (id);


--
-- Name: sync_lease sync_lease_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sync_lease
    ADD CONSTRAINT sync_lease_pkey PRIMARY KEY (target);


--
-- Name: sync_progress sync_progress_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sync_progress
    ADD CONSTRAINT sync_progress_pkey PRIMARY KEY (target);


--
-- Name: sync_request sync_request_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sync_request
    ADD CONSTRAINT sync_request_pkey PRIMARY KEY (id);


--
-- Name: target_status target_status_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.target_status
    ADD CONSTRAINT target_status_pkey PRIMARY KEY (target);


--
-- Name: facebook_page_connection unq_facebook_page_connection_0; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.facebook_page_connection
    ADD CONSTRAINT unq_facebook_page_connection_0 UNIQUE (page_id);


--
-- Name: shopify_connection unq_shopify_connection_0; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shopify_connection
    ADD CONSTRAINT unq_shopify_connection_0 UNIQUE (shop);


--
-- Name: webhook_delivery webhook_delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_pkey PRIMARY KEY (id);


--
-- Name: poll_slot_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX poll_slot_due ON public.poll_slot USING btree (next_poll_at);


--
-- Name: shopify_bulk_operation_shop; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX shopify_bulk_operation_shop ON public.shopify_bulk_operation USING btree (shop);


--
-- Name: sync_request_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sync_request_due ON public.sync_request USING btree (state, not_before);


--
-- Name: webhook_delivery_received; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_received ON public.webhook_delivery USING btree (received_at);


--
-- PostgreSQL database dump complete
--

\unrestrict oEDdVVkld4SD4Q8GrGMG06faAhzFg9FLvf5hQzFhayB4sbfSPear9ReSV62RfLI

