package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Chromium;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in pages in real headless Chromium: local sign-in, the welcome page (its time zone preselected
 * from the browser's by the page's nonce-marked script, which the page's CSP must let run), the consent
 * page, and the redirect back to the client with a code. Chromium runs in America/New_York.
 */
class WelcomeInChromiumIT {

    private static final String BROWSER_ZONE = "America/New_York";
    private static final String EMAIL = "chromium-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    private final ServerUnderTest server = ServerUnderTest.shared();
    private WebDriver chromium;

    @BeforeEach
    void startChromium() {
        chromium = Chromium.start(BROWSER_ZONE);
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void aPersonSignsInIsWelcomedWithTheirBrowsersTimeZoneConsentsAndIsSentBackWithACode() throws Exception {
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client client = signIn.register();
        chromium.get(signIn.authorizeUrl(client));

        chromium.findElement(By.id("email")).sendKeys(EMAIL);
        chromium.findElement(By.id("access_code")).sendKeys(ServerUnderTest.ACCESS_CODE);
        chromium.findElement(By.cssSelector("button[type=submit]")).click();

        waitForPath("/welcome");
        assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to MCProspero");
        Select zone = new Select(chromium.findElement(By.id("time_zone")));
        assertThat(zone.getFirstSelectedOption().getText()).as("preselected from the browser's time zone").isEqualTo(BROWSER_ZONE);
        chromium.findElement(By.id("name")).sendKeys("Chromium Person");

        // the browser itself refuses to submit without the terms (required checkbox): still on the welcome page
        chromium.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(URI.create(chromium.getCurrentUrl()).getPath()).isEqualTo("/welcome");
        WebElement terms = chromium.findElement(By.id("accept_terms"));
        terms.click();
        chromium.findElement(By.cssSelector("button[type=submit]")).click();

        waitForPath("/oauth/consent");
        assertThat(chromium.findElement(By.tagName("h1")).getText()).contains("IT client");
        assertThat(chromium.getPageSource()).contains("127.0.0.1");
        chromium.findElement(By.cssSelector("button[value=allow]")).click();

        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().startsWith(LocalSignIn.REDIRECT_URI));
        Map<String, String> answer = LocalSignIn.query(URI.create(chromium.getCurrentUrl()));
        assertThat(answer).containsKey("code").containsEntry("iss", server.baseUrl());

        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(ServerUnderTest.database("it")), ServerUnderTest.dbUser(), "");
             PreparedStatement query = db.prepareStatement("select display_name, time_zone, terms_version from users where email = ?")) {
            query.setString(1, EMAIL);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("Chromium Person");
                assertThat(row.getString(2)).isEqualTo(BROWSER_ZONE);
                assertThat(row.getString(3)).isNotBlank();
            }
        }
    }

    private void waitForPath(String path) {
        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(driver -> URI.create(driver.getCurrentUrl()).getPath().equals(path));
    }
}
