using AssetAuction.Contracts.V1;
using Grpc.Core;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>Drives ImportAssets with the real client: the options, then the records; collects every response.</summary>
public static class ImportClient
{
    public static AssetImportService.AssetImportServiceClient Client(ServiceFactory service, string office = TestData.Office, string role = "case_management") =>
        new(service.Channel(service.Token(role, office)));

    /// <summary>
    /// Sends <paramref name="records"/> after <paramref name="options"/> and reads the answers. With
    /// <paramref name="stopAfter"/>, the client cancels the call once that many outcomes came back (an interrupted import).
    /// </summary>
    public static async Task<ImportResult> RunAsync(AssetImportService.AssetImportServiceClient client, ImportOptions options, IEnumerable<ImportRecord> records, int? stopAfter = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var cancel = new CancellationTokenSource();
        using var call = client.ImportAssets(cancellationToken: cancel.Token);
        var responses = new List<ImportAssetsResponse>();
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var response in call.ResponseStream.ReadAllAsync(cancel.Token))
                {
                    responses.Add(response);
                    if (stopAfter is { } n && responses.Sum(r => r.Outcomes.Count) >= n)
                    {
                        await cancel.CancelAsync();
                    }
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && stopAfter is not null)
            {
            }
        });
        try
        {
            await call.RequestStream.WriteAsync(new ImportAssetsRequest { Options = options });
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(new ImportAssetsRequest { Record = record });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
        }
        catch (RpcException)
        {
            // The server ended the call: its status comes from the response stream.
        }

        await reading;
        return new ImportResult(responses);
    }

    public static ImportOptions Options(bool dryRun = false, string? importId = null, string office = "") => new()
    {
        ImportId = importId ?? Guid.NewGuid().ToString(), DryRun = dryRun, Office = office, FileName = "backlog.jsonl", FileSha256 = new string('a', 64),
    };
}

public sealed record ImportResult(IReadOnlyList<ImportAssetsResponse> Responses)
{
    public IReadOnlyList<ImportOutcome> Outcomes => [.. Responses.SelectMany(r => r.Outcomes)];

    public ImportProgress Final => Responses[^1].Progress;

    public ImportOutcome Of(string reference) => Outcomes.Single(o => o.SourceReference == reference);
}
