package cn.shequ;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
@SpringBootApplication
public class ShequApplication { public static void main(String[] a){ SpringApplication.run(ShequApplication.class,a);} }
