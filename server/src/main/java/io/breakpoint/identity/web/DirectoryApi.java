package io.breakpoint.identity.web;

import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.SiteSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Organizations and sites")
class DirectoryApi {

    private final Directory directory;

    DirectoryApi(Directory directory) {
        this.directory = directory;
    }

    record Me(UUID id, String email, String displayName, String role, UUID organizationId, List<UUID> visibleOrganizations) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the token belongs to: id, role and the organizations this user may see")
    Me me() {
        var a = Actors.current();
        return new Me(a.userId(), a.email(), a.displayName(), a.role().name(), a.organizationId(),
                a.visibleOrganizations().stream().sorted().toList());
    }

    @GetMapping("/api/v1/organizations")
    @Operation(summary = "The client organizations the caller may see")
    List<OrganizationSummary> organizations() {
        return directory.organizations(Actors.current());
    }

    @GetMapping("/api/v1/sites")
    @Operation(summary = "The sites the caller may see, optionally of one organization")
    List<SiteSummary> sites(@RequestParam(required = false) UUID organizationId) {
        return directory.sites(Actors.current(), organizationId);
    }
}
