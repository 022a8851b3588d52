package org.emailsms.gateway.platform.control;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.emailsms.gateway.platform.boundary.InvalidRequestException;

/** Turns Bean Validation's findings into one typed failure with every human message in it. */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    public void check(Object request) throws InvalidRequestException {
        if (request == null) {
            throw new InvalidRequestException("The request is empty.");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ConstraintViolation::getMessage)
                    .distinct()
                    .collect(Collectors.joining(" ")));
        }
    }
}
