/** The counter a client's bookings are counted in. */
export const bookingRateLimitKey = (ip: string) => `booking:${ip}`;
