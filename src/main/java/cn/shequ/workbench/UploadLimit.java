package cn.shequ.workbench;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A workbench controller that answers a form over the upload limit with the 413 page (its own handler, found
 * before {@link Shell}'s catch-all; multipart forms are read lazily, inside the controller's method).
 */
interface UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    default String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(413);
        model.addAttribute("message", "文件超过 10 MB 的上限，未保存。");
        return "workbench/error";
    }
}
