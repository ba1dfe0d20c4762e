using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Requests;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Audit;

/// <summary>
/// Signed checkpoints of the audit chain's head. The chain's hashes show an edit of some entries; only a
/// statement kept outside the database shows a rewrite of entries and head together: a checkpoint says "entry
/// N had hash H", signed with a key the database does not hold, and the chain must still say so later.
/// </summary>
public sealed class AuditCheckpoints(AssetAuctionDbContext db, AuditChainVerifier verifier, CheckpointKeys keys, TimeProvider clock)
{
    public const string KeyNotConfigured = ServiceReasons.CheckpointKeyNotConfigured;

    private const string Format = "assetauction-audit-checkpoint-v1";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<ExportAuditCheckpointResponse> ExportAsync(CancellationToken ct)
    {
        var signer = keys.Signer ?? throw DomainException.Precondition(KeyNotConfigured, "Audit:CheckpointKey",
            "No checkpoint key is configured (Audit:CheckpointKey); an operator must set one to export checkpoints.");

        // A checkpoint vouches for the chain up to its head: never sign one over a chain that does not verify.
        var chain = await verifier.VerifyAsync(ct);
        if (!chain.Intact)
        {
            throw DomainException.Precondition(JournalWriter.ChainDamaged, "auditEntries", "The audit chain does not verify, so no checkpoint is signed: " + chain.Problem);
        }

        var sequence = chain.EntriesChecked;
        var hash = await HashAtAsync(sequence, ct) ?? AuditHasher.GenesisHash;
        var time = clock.GetUtcNow();
        var signature = Convert.ToBase64String(signer.SignData(SignedText(sequence, hash, time), HashAlgorithmName.SHA256));
        var keyId = CheckpointKeys.KeyIdOf(signer);
        var document = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["format"] = Format,
            ["sequence"] = sequence,
            ["hash"] = hash,
            ["time"] = time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["key_id"] = keyId,
            ["signature"] = signature,
        }, Indented);
        return new ExportAuditCheckpointResponse { Sequence = sequence, Hash = hash, Time = time.ToProto(), KeyId = keyId, Signature = signature, Document = document };
    }

    /// <summary>Null when the checkpoint is genuine and the chain still holds it; otherwise what is wrong.</summary>
    public async Task<string?> CheckAsync(string document, CancellationToken ct)
    {
        var key = keys.Verifier;
        if (key is null)
        {
            return "no checkpoint key is configured (Audit:CheckpointPublicKey or Audit:CheckpointKey) to verify the checkpoint with";
        }

        long sequence;
        string hash, keyId;
        DateTimeOffset time;
        byte[] signature;
        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                return $"the file is not a {Format} document";
            }

            sequence = root.GetProperty("sequence").GetInt64();
            hash = root.GetProperty("hash").GetString() ?? "";
            time = DateTimeOffset.Parse(root.GetProperty("time").GetString() ?? "", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            keyId = root.GetProperty("key_id").GetString() ?? "";
            signature = Convert.FromBase64String(root.GetProperty("signature").GetString() ?? "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return $"the checkpoint file is malformed ({e.GetType().Name})";
        }

        if (keyId != CheckpointKeys.KeyIdOf(key))
        {
            return $"the checkpoint was signed with key {keyId}, not with the configured key {CheckpointKeys.KeyIdOf(key)}";
        }

        if (!key.VerifyData(SignedText(sequence, hash, time), signature, HashAlgorithmName.SHA256))
        {
            return "the checkpoint's signature does not verify: the file was altered or forged";
        }

        var stored = sequence == 0 ? AuditHasher.GenesisHash : await HashAtAsync(sequence, ct);
        if (stored is null)
        {
            return $"the chain no longer has entry {sequence}, which the checkpoint signed (entries removed)";
        }

        return stored != hash
            ? $"entry {sequence}'s hash differs from the signed checkpoint: the history up to entry {sequence} was rewritten"
            : null;
    }

    private Task<string?> HashAtAsync(long sequence, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);

    /// <summary>What is signed: the format, the sequence, the hash and the instant (UTC ticks), one per line.</summary>
    private static byte[] SignedText(long sequence, string hash, DateTimeOffset time) =>
        Encoding.UTF8.GetBytes(string.Join('\n', Format, sequence.ToString(CultureInfo.InvariantCulture), hash, time.UtcTicks.ToString(CultureInfo.InvariantCulture)));
}
