using System.Text.Json;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AssetAuction.Service.Telemetry;

/// <summary>
/// OpenTelemetry: traces (ASP.NET Core with gRPC, so also the JSON face; EF Core), metrics (HTTP, the
/// runtime, and the service's own: see AssetAuctionMetrics), logs carrying the trace and span ids. OTLP
/// export and the Prometheus scrape port are settings (TelemetryOptions), both off by default. Also the
/// HTTP health endpoints (the checks themselves are registered by AddOperations).
/// </summary>
internal static class TelemetrySetup
{
    public static WebApplicationBuilder AddAssetAuctionTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);

        // Outermost, so a refusal by the role check or the validator is counted with its status.
        builder.Services.Configure<GrpcServiceOptions>(o =>
        {
            o.Interceptors.Add<TelemetryInterceptor>();
            var registration = o.Interceptors[^1];
            o.Interceptors.RemoveAt(o.Interceptors.Count - 1);
            o.Interceptors.Insert(0, registration);
        });

        // Console logs (JSON with scopes) carry TraceId and SpanId; OTLP logs carry them natively.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m => m
                .AddMeter(AssetAuctionMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation());

        // Spans only when traces leave the process. Without an exporter they went nowhere, and the instrumentation
        // still cost about 5% of a read's CPU (the ASP.NET Core listener enriching every request's activity) and 4%
        // of a write's (the EF one reads every command's properties by reflection, much of it in the commit loop).
        // The request's activity, which the logs' trace and span ids and the interceptor's tags use, is made by
        // ASP.NET Core either way.
        if (options.OtlpEndpoint.Length > 0)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal))
                .AddEntityFrameworkCoreInstrumentation());
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(options.OtlpEndpoint));
        }

        if (options.PrometheusPort > 0)
        {
            telemetry.WithMetrics(m => m.AddPrometheusExporter());

            // A port of its own, HTTP/1.1 (what scrapers speak), next to the API's endpoints.
            builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(options.PrometheusPort, l => l.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1));
        }

        return builder;
    }

    public static WebApplication MapAssetAuctionTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.PrometheusPort > 0)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{options.PrometheusPort}").AllowAnonymous();
        }

        // The same checks as grpc.health.v1, for HTTP probes and people: ready (database, migrations) and live.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteReportAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live"), ResponseWriter = WriteReportAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteReportAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
