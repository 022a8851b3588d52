package org.emailsms.gateway.it.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: the portal as an administrator
 * sees it. Every action waits for PrimeFaces' AJAX queue to drain (a poll with a deadline).
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AJAX_IDLE = """
            return document.readyState === 'complete'
                && (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty())
                && (typeof jQuery === 'undefined' || jQuery.active === 0);""";

    private final ChromeDriver driver;
    private final GatewayClient gateway;

    public Browser(GatewayClient gateway) {
        this.gateway = gateway;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        // Root in CI has no user namespace for Chromium's sandbox; the browser only visits the gateway.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-gpu");
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    public void open(String path) {
        driver.get(gateway.https(path).toString());
        idle();
    }

    /** The browser's Back button. */
    public void back() {
        driver.navigate().back();
        idle();
    }

    public void signIn(String username, String password) {
        open("/login.xhtml");
        type("login:username", username);
        type("login:password", password);
        driver.findElement(By.id("login:signIn")).click();
        // A full-page post: the login page stays 'complete' until the answer replaces it, so wait for the answer.
        awaitNavigation("the sign-in to be answered", () -> !currentPath().equals("/login.xhtml")
                || driver.findElement(By.tagName("body")).getText().contains("Sign-in failed"));
    }

    public void signOut() {
        driver.findElement(By.id("menu:signOut")).click();
        awaitNavigation("the sign-out to land on the login page", () -> currentPath().equals("/login.xhtml"));
    }

    private void awaitNavigation(String what, java.util.function.BooleanSupplier arrived) {
        new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(d -> whileReplaced(arrived));
        idle();
    }

    /**
     * The condition, or false while the page it reads is being replaced: Chromium then reports
     * either a stale element or, for a node it has already dropped, an "unknown error" that the
     * node "does not belong to the document". Read again on the next poll.
     */
    private static boolean whileReplaced(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e instanceof StaleElementReferenceException
                    || String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return false;
            }
            throw e;
        }
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Types into the first field {@code by} finds, such as a table column's filter (whose id PrimeFaces makes up). */
    public void type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
    }

    /** PrimeFaces' inputNumber keeps its visible field under {@code id_input}. */
    public void typeNumber(String id, String number) {
        WebElement field = driver.findElement(By.id(id + "_input"));
        field.clear();
        field.sendKeys(number);
    }

    public void click(String id) {
        driver.findElement(By.id(id)).click();
        idle();
    }

    public void click(By by) {
        driver.findElement(by).click();
        idle();
    }

    /** Ticks the selection box of the table row that shows {@code rowText}. */
    public void selectRow(String rowText) {
        driver.findElement(By.xpath("//tr[.//*[normalize-space(text())='" + rowText + "']]"
                + "//td[contains(@class,'ui-selection-column')]//div[contains(@class,'ui-chkbox-box')]")).click();
        idle();
    }

    /** Clicks a button that asks first, and answers Yes. */
    public void clickConfirmed(String id) {
        driver.findElement(By.id(id)).click();
        By yes = By.cssSelector(".ui-confirmdialog-yes");
        waitUntil("the confirmation of " + id, () -> visible(yes).isPresent());
        visible(yes).orElseThrow().click();
        idle();
    }

    /** Opens the Actions menu of the table row that shows {@code rowText} and picks {@code item}. */
    public void rowAction(String rowText, String item) {
        pickRowAction(rowText, item);
        idle();
    }

    /** {@link #rowAction} for an item that asks first: the question is answered Yes. */
    public void rowActionConfirmed(String rowText, String item) {
        pickRowAction(rowText, item);
        By yes = By.cssSelector(".ui-confirmdialog-yes");
        waitUntil("the confirmation of '" + item + "'", () -> visible(yes).isPresent());
        visible(yes).orElseThrow().click();
        idle();
    }

    /** {@link #rowAction} for an item that asks first: the question is answered No. */
    public void rowActionDeclined(String rowText, String item) {
        pickRowAction(rowText, item);
        By no = By.cssSelector(".ui-confirmdialog-no");
        waitUntil("the confirmation of '" + item + "'", () -> visible(no).isPresent());
        visible(no).orElseThrow().click();
        waitUntil("the confirmation closed", () -> visible(no).isEmpty());
    }

    private void pickRowAction(String rowText, String item) {
        driver.findElement(By.xpath("//tr[.//*[normalize-space(text())='" + rowText + "']]"
                + "//button[.//span[normalize-space(text())='Actions']]")).click();
        By menuItem = By.xpath("//a[contains(@class,'ui-menuitem-link')][.//span[normalize-space(text())='" + item + "']]");
        // While the menu slides open its items are displayed with no size yet, and cannot be clicked.
        waitUntil("the menu item '" + item + "'", () -> visible(menuItem).filter(Browser::hasSize).isPresent());
        visible(menuItem).orElseThrow().click();
    }

    private static boolean hasSize(WebElement element) {
        return element.getSize().getWidth() > 0 && element.getSize().getHeight() > 0;
    }

    /** PrimeFaces keeps the menus and dialogs of every row in the page; only the open one is shown. */
    private Optional<WebElement> visible(By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst();
    }

    /** Picks the option labelled {@code label} of a PrimeFaces selectOneMenu. */
    public void select(String id, String label) {
        driver.findElement(By.id(id)).click();
        waitUntil("the options of " + id, () -> driver.findElement(By.id(id + "_items")).isDisplayed());
        driver.findElement(By.cssSelector("[id='" + id + "_items'] li[data-label='" + label + "']")).click();
        idle();
    }

    /**
     * Picks {@code label} of a PrimeFaces selectOneMenu and waits until it holds it and its list has
     * closed, clicking again if a click was lost (an option clicked while the list still slides open,
     * or a button clicked while it fades out over it, gets no click).
     */
    public void choose(String id, String label) {
        waitUntil("'" + label + "' chosen in " + id, () -> {
            boolean open = driver.findElement(By.id(id + "_panel")).isDisplayed();
            if (label.equals(script("var s = document.getElementById(arguments[0]);"
                    + " return s.options[s.selectedIndex].text;", id + "_input"))) {
                return !open;
            }
            try {
                if (!open) {
                    driver.findElement(By.id(id)).click();
                } else {
                    driver.findElement(By.cssSelector("[id='" + id + "_items'] li[data-label='" + label + "']")).click();
                }
            } catch (org.openqa.selenium.WebDriverException lost) {
                // tried again on the next poll
            }
            return false;
        });
        idle();
    }

    public void upload(String id, Path file) {
        driver.findElement(By.id(id + "_input")).sendKeys(file.toAbsolutePath().toString());
        idle();
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).collect(Collectors.toList());
    }

    public String attribute(By by, String name) {
        return driver.findElement(by).getAttribute(name);
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String sessionCookie() {
        return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The value of one cookie of the gateway's, or null. */
    public String cookie(String name) {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The window's size, as a phone's or a desktop's screen. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /**
     * What sticks out of the page to the right (the page would scroll sideways): the outermost such
     * elements as tag#id.class, empty when everything fits. Elements inside a scrolling container
     * (a table wider than the screen scrolls within itself) do not count.
     */
    @SuppressWarnings("unchecked")
    public List<String> overflowing() {
        return (List<String>) script("""
                const width = document.documentElement.clientWidth;
                const out = [];
                for (const e of document.querySelectorAll('body *')) {
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 || r.right <= width + 1) continue;
                    let clipped = false;
                    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                        const style = getComputedStyle(p);
                        if (style.overflowX === 'auto' || style.overflowX === 'hidden' || style.overflowX === 'scroll'
                                || style.position === 'fixed') { clipped = true; break; }
                    }
                    if (clipped || getComputedStyle(e).position === 'fixed') continue;
                    if (out.some(o => o.element.contains(e))) continue;
                    out.push({element: e, name: e.tagName + '#' + e.id + '.' + e.className + ' right=' + Math.round(r.right)});
                }
                return out.map(o => o.name);""");
    }

    public boolean displayed(By by) {
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    /** A PNG of what the window shows, for the docs. */
    public void screenshot(Path file) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        // A page that is replaced while it is read (a redirect) is read again, not a failure.
        new WebDriverWait(driver, WAIT).withMessage(what).until(d -> whileReplaced(condition));
    }

    public void waitForText(String text) {
        try {
            waitUntil("the page to show '" + text + "'", () -> pageText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page never showed '" + text + "'; it shows:\n" + pageText()
                    + "\nBrowser console:\n" + driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .getAll(), e);
        }
    }

    private void idle() {
        new WebDriverWait(driver, WAIT).withMessage("the page and its AJAX requests to finish")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(AJAX_IDLE)));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
