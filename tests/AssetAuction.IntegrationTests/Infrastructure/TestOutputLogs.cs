using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// Forwards the in-memory host's log lines to the output of the test that is running on it, so a failing test shows
/// what the service logged (the test runner prints a test's output only when the test fails). xunit v2 gives
/// <see cref="ITestOutputHelper"/> to the test class, never to a class fixture, so each test class attaches its own
/// in its constructor (<see cref="ServiceFactory.LogTo"/>); the tests of one class run one after another, so the host
/// has one test to write to at a time. The host's log filters apply (Information and above; ASP.NET Core and EF Core
/// from Warning).
/// </summary>
public sealed class TestOutputLogs : ILoggerProvider
{
    private Attached? _current;

    /// <summary>From now on, the host's log lines go to <paramref name="output"/>.</summary>
    public TestLog Attach(ITestOutputHelper output)
    {
        var attached = new Attached(output, Stopwatch.StartNew());
        Volatile.Write(ref _current, attached);
        return new TestLog(attached.Output);
    }

    public ILogger CreateLogger(string categoryName) => new Forwarder(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        if (Volatile.Read(ref _current) is not { } attached)
        {
            return;
        }

        try
        {
            attached.Output.WriteLine($"[server +{attached.Since.Elapsed.TotalSeconds:F3}s] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended (a background service logged after it): there is no output to write to.
        }
    }

    private sealed record Attached(ITestOutputHelper Output, Stopwatch Since);

    private sealed class Forwarder(TestOutputLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            owner.Write(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}

/// <summary>The test output a host's logs go to; held by the test class that attached it.</summary>
public sealed record TestLog(ITestOutputHelper Output);
