package cn.shequ.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's report of an error nobody else answered (the request never reached Shequ: an address
 * Tomcat refuses to decode, such as {@code /api/projects/..%2Fme}, a NUL byte or %00 in the path, a
 * request line or header over Tomcat's limit): on every path the error body of API.md, never Tomcat's
 * HTML page with its stack trace and version. Created by Tomcat by its class name ({@link ContainerErrors}),
 * so it writes its few fixed texts without Spring.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own report: nothing for 1xx–3xx, nor when a body was written or the error reported already
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already committed: nothing more to say
        }
    }

    static String body(int status) {
        if (status == 400) {
            return "{\"error\":\"INVALID_PATH\",\"message\":\"请求无效（地址含有编码的 / 或 \\\\、空字符或不完整的 % 编码，"
                    + "或请求行、请求头过长）/ the request is not valid (an encoded / or \\\\, a NUL, an incomplete % escape, "
                    + "or a request line or header too long)\"}";
        }
        if (status >= 500) {
            return "{\"error\":\"INTERNAL_ERROR\",\"message\":\"系统内部错误 / internal error\"}";
        }
        return "{\"error\":\"HTTP_" + status + "\",\"message\":\"请求无法处理 / the request cannot be served (HTTP " + status + ")\"}";
    }
}
