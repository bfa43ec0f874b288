package cn.shequ.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls Shequ's JSON API over HTTP as one demo user (password "demo"). */
public record Api(TestRestTemplate http, String user) {

    public static Api as(TestRestTemplate http, String user) {
        return new Api(http, user);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, json(body), JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, json(body), JsonNode.class);
    }

    public ResponseEntity<JsonNode> delete(String path) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.DELETE, null, JsonNode.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body == null ? Map.of() : body, headers);
    }
}
