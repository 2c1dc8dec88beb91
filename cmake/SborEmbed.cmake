# Files compiled into the binary, so a deployed sbor-server needs nothing beside it.
#
# sbor_add_migrations(TARGET <lib> SERVICE <name> FILES <NNNN_name.sql>...)
# Compiles a service's SQL migrations into the binary as sbor_migrations_<service>(), so a
# deployed server carries its schema history with it.
set(SBOR_MIGRATIONS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed-migrations.cmake)
set(SBOR_EMBED_TEXT_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed-text.cmake)

function(sbor_add_migrations)
  cmake_parse_arguments(ARG "" "TARGET;SERVICE" "FILES" ${ARGN})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/migrations_${ARG_SERVICE}.cpp)
  set(absolute_files)
  foreach(file IN LISTS ARG_FILES)
    get_filename_component(path ${file} ABSOLUTE)
    list(APPEND absolute_files ${path})
  endforeach()
  string(REPLACE ";" "|" file_argument "${absolute_files}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DSERVICE=${ARG_SERVICE} "-DFILES=${file_argument}" -DOUTPUT=${output}
            -P ${SBOR_MIGRATIONS_SCRIPT}
    DEPENDS ${absolute_files} ${SBOR_MIGRATIONS_SCRIPT}
    COMMENT "Embedding ${ARG_SERVICE} migrations"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${output})
endfunction()

# sbor_embed_text(TARGET <lib> SYMBOL <function name> FILE <path>)
# Defines `std::string_view <SYMBOL>()` returning the file's bytes.
function(sbor_embed_text)
  cmake_parse_arguments(ARG "" "TARGET;SYMBOL;FILE" "" ${ARGN})
  get_filename_component(input ${ARG_FILE} ABSOLUTE)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${ARG_SYMBOL}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DSYMBOL=${ARG_SYMBOL} -DOUTPUT=${output} -P ${SBOR_EMBED_TEXT_SCRIPT}
    DEPENDS ${input} ${SBOR_EMBED_TEXT_SCRIPT}
    COMMENT "Embedding ${ARG_FILE}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${output})
endfunction()
