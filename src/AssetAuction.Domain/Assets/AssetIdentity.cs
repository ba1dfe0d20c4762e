namespace AssetAuction.Domain.Assets;

/// <summary>
/// What makes two seizures the same thing in the real world: a land parcel is its
/// province, commune, map sheet and parcel number; a vehicle is its chassis number.
/// One such thing may be under only one active seizure at a time.
/// </summary>
public static class AssetIdentity
{
    public static string? KeyOf(LandUseRight? land, RoadVehicle? vehicle)
    {
        if (land is not null)
        {
            return Parcel(land.Province, land.Commune, land.MapSheetNumber, land.ParcelNumber);
        }

        return vehicle is not null ? Vehicle(vehicle.ChassisNumber) : null;
    }

    public static string Parcel(string province, string commune, string mapSheet, string parcel) =>
        $"land:{Normalize(province)}|{Normalize(commune)}|{Normalize(mapSheet)}|{Normalize(parcel)}";

    public static string Vehicle(string chassisNumber) => $"vehicle:{Normalize(chassisNumber)}";

    /// <summary>
    /// Unicode form (NFC vs NFD: "Hà Nội" typed with combining accents), case, surrounding and repeated
    /// white space do not make a different parcel.
    /// </summary>
    private static string Normalize(string value) =>
        string.Join(' ', value.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
