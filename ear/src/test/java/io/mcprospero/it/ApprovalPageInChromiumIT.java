package io.mcprospero.it;

import static io.mcprospero.it.support.People.email;
import static io.mcprospero.it.support.People.structured;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Chromium;
import io.mcprospero.it.support.People;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The approval link in real headless Chromium: the model got the link, but opening it shows a sign-in, not the manifest;
 * the person signs in there (the same local sign-in as /oauth/authorize), comes back to the manifest of the exact
 * version, approves, and the agent is active for the MCP client. The browser's session cookie is HttpOnly and SameSite.
 */
class ApprovalPageInChromiumIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private WebDriver chromium;

    @BeforeEach
    void startChromium() {
        chromium = Chromium.start("Europe/Berlin");
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void theLinkAsksThePersonToSignInShowsThemTheManifestAndTheirApprovalMakesTheAgentActive() {
        String person = email("chromium-approver");
        RawMcp model = People.session(server, person);
        JsonObject asked = structured(model.callTool("update_agent", "{\"agent\":\""
                + structured(model.callTool("create_agent", "{\"name\":\"Browser approved\",\"instructions\":\"Do the thing.\","
                + "\"tools\":[\"remember\"]}")).getJsonObject("agent").getString("id") + "\",\"action\":\"approve\"}"));
        assertThat(asked.getString("outcome")).as("the model asking to approve gets the link").isEqualTo("approval_needed");
        String url = asked.getString("approval_url");

        chromium.get(url);
        assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to MCProspero");
        assertThat(chromium.getPageSource()).as("no manifest before signing in").doesNotContain("its own notes from earlier runs");
        chromium.findElement(By.id("email")).sendKeys(person);
        chromium.findElement(By.id("access_code")).sendKeys(ServerUnderTest.ACCESS_CODE);
        chromium.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().equals(url));
        assertThat(chromium.findElement(By.tagName("h1")).getText()).isEqualTo("Approve the agent Browser approved?");
        assertThat(chromium.getPageSource()).contains("its own notes from earlier runs").contains("Signed in as " + person);
        Cookie session = chromium.manage().getCookieNamed("mcprospero_session");
        assertThat(session).as("signed in with a session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/agents/approve");
        assertThat(status(model)).isEqualTo("pending_approval");

        chromium.findElement(By.cssSelector("button[value=approve]")).click();

        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(driver -> driver.findElement(By.tagName("h1")).getText()
                .equals("Browser approved is approved"));
        assertThat(URI.create(chromium.getCurrentUrl()).getPath()).isEqualTo(URI.create(url).getPath());
        assertThat(status(model)).as("the MCP client sees it active").isEqualTo("active");
    }

    private static String status(RawMcp model) {
        return structured(model.callTool("get_agent", "{\"agent\":\"Browser approved\"}")).getJsonObject("agent").getString("status");
    }
}
