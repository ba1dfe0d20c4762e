using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

/// <summary>The REST face (gRPC JSON transcoding) called with a plain HttpClient: same auth, validation, errors and idempotency as gRPC.</summary>
public sealed class RestTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    private HttpClient Client(string? role, string office = TestData.Office)
    {
        var client = service.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.Token(role, office));
        }

        return client;
    }

    private static StringContent Body(IMessage message) => new(Json.Format(message), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task A_seizure_registers_reads_lists_and_moves_on_over_json_and_a_retry_changes_nothing()
    {
        var http = Client(Roles.CaseManagement);
        var request = TestData.Seizure();

        using var created = await http.PostAsync("/v1/seizures", Body(request));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var registered = JsonParser.Default.Parse<RegisterSeizureResponse>(await created.Content.ReadAsStringAsync());
        var asset = Assert.Single(registered.Assets);
        var eventsAfter = await service.WithDbAsync(db => db.Events.CountAsync());

        // The same request_id again: the original answer, nothing written.
        using var retried = await http.PostAsync("/v1/seizures", Body(request));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(registered, JsonParser.Default.Parse<RegisterSeizureResponse>(await retried.Content.ReadAsStringAsync()));
        Assert.Equal(eventsAfter, await service.WithDbAsync(db => db.Events.CountAsync()));

        var read = await ReadAsync(await http.GetAsync($"/v1/{asset.Name}"));
        Assert.Equal(asset.Name, read.GetProperty("asset").GetProperty("name").GetString());
        Assert.Equal("STATE_SEIZED", read.GetProperty("asset").GetProperty("state").GetString());

        var listed = await ReadAsync(await http.GetAsync($"/v1/assets?caseNumber={request.EnforcementCase.CaseNumber}&pageSize=5"));
        Assert.Equal([asset.Name], listed.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("name").GetString()));

        var valuation = new RecordValuationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Etag = asset.Etag,
            Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = PipelineDriver.D(2026, 11, 23), Price = 1_000_000_000, CertificateNumber = "CT-01", CertificateDate = PipelineDriver.D(2026, 11, 23) },
        };
        using var valued = await http.PostAsync($"/v1/{asset.Name}:recordValuation", Body(valuation));
        Assert.Equal(HttpStatusCode.OK, valued.StatusCode);
        Assert.Equal("STATE_VALUED", (await ReadAsync(valued)).GetProperty("asset").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Errors_are_google_rpc_status_json_with_http_codes_reasons_and_field_violations()
    {
        using var missing = await Client(Roles.CaseManagement).GetAsync("/v1/assets/0000000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var status = await ReadAsync(missing);
        Assert.Equal(5, status.GetProperty("code").GetInt32());
        var info = status.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal("ASSET_NOT_FOUND", info.GetProperty("reason").GetString());

        var invalid = TestData.Seizure();
        invalid.EnforcementCase.CaseNumber = "";
        using var refused = await Client(Roles.CaseManagement).PostAsync("/v1/seizures", Body(invalid));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var violations = (await ReadAsync(refused)).GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray()).Select(v => v.GetProperty("field").GetString());
        Assert.Contains("enforcement_case.case_number", violations);

        using var anonymous = await Client(null).GetAsync("/v1/assets");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var wrongRole = await Client(Roles.Finance).PostAsync("/v1/seizures", Body(TestData.Seizure()));
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(7, (await ReadAsync(wrongRole)).GetProperty("code").GetInt32());

        // Server streaming stays gRPC: no route.
        using var stream = await Client(Roles.Supervisor).GetAsync("/v1/events");
        Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
    }

    [Fact]
    public async Task The_served_openapi_document_is_the_checked_in_one()
    {
        using var served = await Client(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var text = (await served.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").TrimEnd();
        var path = CliRunner.RepositoryFile("openapi/v1.json");

        // After changing a proto: ASSETAUCTION_WRITE_OPENAPI=1 dotnet test --filter RestTests, then commit openapi/v1.json.
        if (Environment.GetEnvironmentVariable("ASSETAUCTION_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, text + "\n");
        }

        var checkedIn = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n").TrimEnd();
        Assert.True(text == checkedIn, "openapi/v1.json differs from the served document: refresh it with ASSETAUCTION_WRITE_OPENAPI=1 dotnet test --filter RestTests.");
        using var document = JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/{name=assets/*}", out _));
        Assert.True(paths.TryGetProperty("/v1/{name=assets/*}:recordValuation", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.Contains("stream", StringComparison.OrdinalIgnoreCase));
    }
}
