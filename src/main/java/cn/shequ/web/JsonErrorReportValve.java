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
 * Tomcat refuses to decode, such as {@code /api/projects/..%2Fme}): on {@code /api/}, {@code /public/}
 * and {@code /engine-rest/} the error body of API.md, elsewhere Tomcat's own page. Created by Tomcat
 * by its class name ({@link ContainerErrors}), so it writes its few fixed texts without Spring.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !(uri.startsWith("/api/") || uri.startsWith("/public/") || uri.startsWith("/engine-rest/"))) {
            super.report(request, response, throwable);
            return;
        }
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
            return "{\"error\":\"INVALID_PATH\",\"message\":\"请求地址无效（如含有编码的 / 或 \\\\、不完整的 % 编码）"
                    + "/ the request address is not valid (an encoded / or \\\\, an incomplete % escape)\"}";
        }
        if (status >= 500) {
            return "{\"error\":\"INTERNAL_ERROR\",\"message\":\"系统内部错误 / internal error\"}";
        }
        return "{\"error\":\"HTTP_" + status + "\",\"message\":\"请求无法处理 / the request cannot be served (HTTP " + status + ")\"}";
    }
}
