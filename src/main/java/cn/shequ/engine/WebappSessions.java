package cn.shequ.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged in to the Camunda webapps (Tasklist, Cockpit, Admin) in a request's session. */
public final class WebappSessions {

    public record WebappUser(String userId, List<String> groupIds) {}

    private WebappSessions() {}

    public static Optional<WebappUser> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return Optional.empty();
        }
        return authentications.getAuthentications().stream()
                .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
                .filter(auth -> auth.getIdentityId() != null)
                .findFirst()
                .map(auth -> new WebappUser(auth.getIdentityId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds()));
    }
}
