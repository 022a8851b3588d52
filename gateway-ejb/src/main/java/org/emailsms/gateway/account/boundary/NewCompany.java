package org.emailsms.gateway.account.boundary;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a provider administrator says about a new company. */
public record NewCompany(
        @NotBlank(message = "A company needs a name.")
        @Size(max = 120, message = "A company name has at most 120 characters.")
        String name,
        @NotNull(message = "A company needs a home country.")
        @Pattern(regexp = "[A-Za-z]{2}", message = "The home country is a two-letter ISO code such as AU.")
        String homeCountry,
        @NotNull(message = "The allowed destination countries may be empty but not missing.")
        List<@Pattern(regexp = "[A-Za-z]{2}", message = "An allowed country is a two-letter ISO code such as NZ.") String> allowedCountries,
        @NotBlank(message = "A company needs a time zone such as Australia/Sydney.")
        String timeZone,
        @Min(value = 0, message = "A daily quota cannot be negative.")
        Integer dailyQuota,
        boolean splitLongMessages,
        @Min(value = 1, message = "A split message has at least one segment.")
        int maxSegments,
        boolean deliveryConfirmation) {
}
