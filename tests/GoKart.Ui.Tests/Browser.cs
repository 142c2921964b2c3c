using System.Diagnostics;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace GoKart.Ui.Tests;

/// <summary>
/// One headless Debian chromium per test class, driven through /usr/bin/chromedriver (CI installs both; .ci/setup.sh).
/// A fresh profile folder is deleted afterwards; the driver process is killed if it outlives Quit.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "gokart-ui-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly ChromeDriverService _service;

    public Browser()
    {
        if (!File.Exists("/usr/bin/chromium") || !File.Exists("/usr/bin/chromedriver"))
        {
            throw new InvalidOperationException("The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): run .ci/setup.sh.");
        }

        _service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        _service.HideCommandPromptWindow = true;
        _service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + _profile);
        try
        {
            Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            Kill();
            _service.Dispose();
            throw;
        }
    }

    public ChromeDriver Driver { get; }

    public void Open(UiWorkspace ws, string path) => Driver.Navigate().GoToUrl(new Uri(ws.Server.Url, path));

    /// <summary>Waits (polling the DOM, never sleeping blindly) until the condition holds; fails with its description.</summary>
    public T Until<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Driver, Patience) { Message = "waiting for " + what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    public IWebElement One(string css) => Until(d => d.FindElement(By.CssSelector(css)), css);

    /// <summary>With GOKART_UI_SCREENSHOTS set to a folder, saves the page as NAME.png there (docs/ screenshots).</summary>
    public void Screenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("GOKART_UI_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            Kill();
            _service.Dispose();
            if (Directory.Exists(_profile))
            {
                Directory.Delete(_profile, recursive: true);
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (_service.ProcessId > 0)
            {
                using var process = Process.GetProcessById(_service.ProcessId);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
