# SPACE is your space's name, as in SPACE.signalwire.com.
CONFERENCE_SID="8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c"
CALL_SID="5d1c9f0e-7a2b-4c3d-8e9f-0a1b2c3d4e5f"

curl "https://$SPACE.signalwire.com/api/laml/2010-04-01/Accounts/$SIGNALWIRE_PROJECT_ID/Conferences/$CONFERENCE_SID/Participants/$CALL_SID" \
  -u "$SIGNALWIRE_PROJECT_ID:$SIGNALWIRE_API_TOKEN"
