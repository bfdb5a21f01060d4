/** The storage keys recorded for each target ({@code STORAGE_OBJECT}). */
package dev.salesbot.sync.storage.entity;
