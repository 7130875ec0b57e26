package org.hearth.scheduling.geo;

/** A WGS84 position in decimal degrees. */
public record GeoPoint(double latitude, double longitude) {

    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a position on Earth: " + latitude + ", " + longitude);
        }
    }

    /** Great-circle (haversine) distance in metres. */
    public double metresTo(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(other.latitude))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
