package dev.salesbot.sync.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTest {

    private static final UUID MERCHANT = UUID.fromString("3f1c2a9e-8b7d-4c6e-9f01-23456789abcd");

    @Test
    void placesTheShopifySnapshotUnderTheMerchant() {
        assertThat(StorageKey.shopifySnapshot(MERCHANT).value())
                .isEqualTo("users/3f1c2a9e-8b7d-4c6e-9f01-23456789abcd/shopify/shopify_data.json");
    }

    @Test
    void placesAPageSnapshotUnderTheMerchantAndPage() {
        assertThat(StorageKey.facebookPage(MERCHANT, "104857362718493").value())
                .isEqualTo("users/3f1c2a9e-8b7d-4c6e-9f01-23456789abcd/facebook_messenger/104857362718493/page_data.json");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"../104857", "1048/57", "12a", " 123", "123 ", "-1", "1234567890123456789012345678901"})
    void refusesAPageIdThatIsNotDigitsOnly(String pageId) {
        assertThatIllegalArgumentException().isThrownBy(() -> StorageKey.facebookPage(MERCHANT, pageId));
    }
}
