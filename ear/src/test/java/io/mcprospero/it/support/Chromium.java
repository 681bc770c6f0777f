package io.mcprospero.it.support;

import java.io.File;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Real headless Chromium (the Debian package and its chromedriver) for the page tests. */
public final class Chromium {

    private Chromium() {
    }

    /** A fresh browser (no cookies) whose clock runs in this time zone. */
    public static WebDriver start(String timeZone) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", timeZone))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-dev-shm-usage");
        return new ChromeDriver(service, options);
    }
}
