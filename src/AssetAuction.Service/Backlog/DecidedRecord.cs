using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Proceeds;

namespace AssetAuction.Service.Backlog;

/// <summary>A record the domain accepted: the asset with its acts applied, its seizure act and the case's obligations it brings.</summary>
public sealed record DecidedRecord(Asset Asset, SeizureAct Seizure, IReadOnlyList<RegisteredObligation> Obligations);
