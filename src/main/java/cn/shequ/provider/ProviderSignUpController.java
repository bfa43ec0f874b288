package cn.shequ.provider;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's self sign-up through the API (docs/api-additions.md, ADR 0035): anonymous, JSON only (so a form of
 * another site cannot post it), limited per address; and the applicant's one view, its own registration.
 */
@RestController
class ProviderSignUpController {

    private final ProviderSignUp signUp;
    private final Providers providers;
    private final CurrentUsers users;

    ProviderSignUpController(ProviderSignUp signUp, Providers providers, CurrentUsers users) {
        this.signUp = signUp;
        this.providers = providers;
        this.users = users;
    }

    record SignUpBody(String contactName, String password, String name, String type, String creditCode,
                      List<String> categories, Boolean seriousViolationInLast3Years, Boolean dishonestListed) {}

    record SignedUp(String userId, long providerId, String code, String status, String groups) {}

    record Own(String userId, String applicantOrProvider, long providerId, String code, String name, String creditCode,
               String type, List<String> categories, String status, LocalDate certifiedOn, LocalDate certifiedUntil,
               String refusalReason) {}

    @PostMapping(path = "/api/signup/provider", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SignedUp signUp(@RequestBody SignUpBody body, HttpServletRequest request) {
        ProviderSignUp.Result result = signUp.signUp(new ProviderSignUp.Request(body.contactName(), body.password(),
                new ProviderRegistration(body.name(), body.type(), body.creditCode(), body.categories(),
                        body.seriousViolationInLast3Years(), body.dishonestListed())), request.getRemoteAddr());
        Provider p = result.provider();
        return new SignedUp(result.userId(), p.id(), p.subjectCode(), p.status(), Groups.PROVIDER_APPLICANT);
    }

    /** The caller's own registration and certification status: the one thing an applicant account may read. */
    @GetMapping("/api/signup/provider/me")
    Own own() {
        CurrentUser user = users.current();
        Provider p = user.organisationId() == null ? null : providers.find(user.organisationId()).orElse(null);
        if (p == null) {
            throw Refusal.notFound("本人登记的承接主体", user.userId());
        }
        return new Own(user.userId(), user.isIn(Groups.PROVIDER) ? Groups.PROVIDER : Groups.PROVIDER_APPLICANT, p.id(),
                p.subjectCode(), p.name(), p.creditCode(), p.legalType(), p.categoryList(), p.status(), p.certifiedOn(),
                p.certifiedUntil(), p.refusalReason());
    }
}
