package cn.shequ.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.shequ.engine.EngineIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The system's own id logs no one in, in any case, even with the right password of an account made under it
 * before it was reserved (CurrentUser.SYSTEM): the answer is the same as for a wrong password, and the
 * password is not even checked.
 */
class EngineAuthenticationProviderTest {

    @Test
    void theSystemsOwnIdLogsNoOneIn() {
        EngineIdentity identity = mock(EngineIdentity.class);
        when(identity.verify(anyString(), anyString())).thenAnswer(call -> Optional.of(call.getArgument(0)));
        EngineAuthenticationProvider provider = new EngineAuthenticationProvider(identity,
                new LoginThrottle(LoginThrottleTest.DEFAULTS));
        for (String id : new String[] {"system", "SYSTEM", "System"}) {
            assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(id, "Lan-Hua-7Qiao")))
                    .as(id).isInstanceOf(BadCredentialsException.class).hasMessageContaining("用户名或密码错误");
        }
        verify(identity, never()).verify(anyString(), anyString());
    }
}
